"""An article's pass-1 context as the rules alone read it (the model finding nothing), for stage tests."""

from pipeline.read.clean import sentences
from pipeline.recognise.context import ArticleContext, read_context
from pipeline.records import Article


def context(text: str) -> ArticleContext:
    article = Article(doc="t", text=text)
    spans = sentences(article)
    return read_context(article, spans, [[] for _ in spans])
