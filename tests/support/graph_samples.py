"""Hand-built extractions of small invented articles in the genre, for graph and store tests.

They stand in for ``pipeline.extract`` so the graph side is tested on exactly
the facts it is given; offsets are found in the text, never typed in.
"""

from __future__ import annotations

from pipeline.records import Agreement, Article, Entity, Extraction, Figure, Mention, Role, Statement

FRONT = "---\nurl: {url}\ntitle: {title}\nname: {author}\ntime: 2015-03-02 10:00\n---\n"


def article(url: str, body: str, title: str = "虚拟运营商观察", author: str = "周记者", doc: str = "") -> Article:
    head = FRONT.format(url=url, title=title, author=author)
    return Article(
        doc=doc or url.rsplit("/", 1)[-1] + ".md",
        text=head + body,
        body_start=len(head),
        url=url,
        title=title,
        author=author,
        time="2015-03-02 10:00",
    )


def entity(a: Article, name: str, label: str, *aliases: str, mvno: bool = False, type: str | None = None) -> Entity:
    mentions: list[Mention] = []
    for form in sorted((name, *aliases), key=len, reverse=True):  # a short alias inside a long name is no mention
        mentions += [
            Mention(form, i, i + len(form))
            for i in _find_all(a.text, form)
            if not any(m.start <= i < m.end for m in mentions)
        ]
    return Entity(name, label, mentions, type=type, mvno=mvno, aliases=aliases)


def statement(
    a: Article,
    speaker: str | None,
    quote: str,
    about: list[str],
    cue: str = "表示",
    speaker_org: str | None = None,
    speaker_desc: str | None = None,
) -> Statement:
    start = a.text.index(quote)
    left = a.text.rfind("。", a.body_start, start) + 1 or a.body_start
    right = a.text.find("。", start + len(quote))
    sentence = a.text[max(left, a.body_start) : right + 1 if right >= 0 else len(a.text)]
    return Statement(speaker, speaker_desc, cue, quote, about, start, start + len(quote), sentence, speaker_org)


def figure(a: Article, text: str, value: float, unit: str | None, subject: str | None) -> Figure:
    start = a.text.index(text)
    return Figure(text, value, unit, subject, start, start + len(text))


def agreement(a: Article, text: str, parties: list[str], counterpart: str | None) -> Agreement:
    start = a.text.index(text)
    return Agreement(parties, counterpart, "2015-03-01", text, start, start + len(text))


def _find_all(text: str, form: str) -> list[int]:
    found, i = [], text.find(form)
    while i >= 0:
        found.append(i)
        i = text.find(form, i + len(form))
    return found


def launch(
    url: str = "https://news.example.cn/mvno/1", quote: str = "虚拟运营商的用户增长超出了预期", alias: str = "蓝海移动"
) -> Extraction:
    """蓝海移动's vice president quoted about his company, with a figure and a signed agreement."""
    body = (
        f"{alias}副总裁李明在发布会上表示，{quote}。"
        "李明说，蓝海移动用户已经超过50万户，其中4G用户占比约30%。"
        "有业内人士指出，转售业务竞争将更加激烈。"
        "蓝海移动与中国联通签署了转售合作协议。"
    )
    a = article(url, body)
    return Extraction(
        a,
        entities=[
            entity(a, "蓝海移动", "COMPANY", *({alias} - {"蓝海移动"}), mvno=True, type="mvno"),
            entity(a, "中国联通", "COMPANY", type="operator"),
            entity(a, "李明", "PERSON"),
            entity(a, "周记者", "PERSON"),
        ],
        roles=[Role("李明", "副总裁", "蓝海移动")],
        statements=[
            statement(a, "李明", quote, ["蓝海移动"]),
            statement(a, "李明", "蓝海移动用户已经超过50万户，其中4G用户占比约30%", ["蓝海移动"], cue="说"),
            statement(a, None, "转售业务竞争将更加激烈", [], cue="指出", speaker_desc="业内人士"),
        ],
        figures=[figure(a, "超过50万户", 500000, "户", "蓝海移动"), figure(a, "约30%", 0.3, None, "蓝海移动")],
        agreements=[agreement(a, "蓝海移动与中国联通签署了转售合作协议", ["蓝海移动"], "中国联通")],
    )


def regulator(url: str = "https://news.example.cn/mvno/2") -> Extraction:
    """A regulator speaking as an organisation, a figure outside any statement, a joint agreement."""
    body = (
        "工信部通知指出，虚拟运营商应当落实电话用户实名登记。"
        "截至去年底，转售企业总数达到42家。"
        "红石通信、青鸟科技与三基础运营商签署了合作协议。"
    )
    a = article(url, body, title="工信部发布通知")
    return Extraction(
        a,
        entities=[
            entity(a, "工业和信息化部", "GOVERNMENT", "工信部", type="regulator"),
            entity(a, "红石通信", "COMPANY", mvno=True),
            entity(a, "青鸟科技", "COMPANY"),
        ],
        statements=[
            statement(a, None, "虚拟运营商应当落实电话用户实名登记", [], cue="指出", speaker_org="工业和信息化部")
        ],
        figures=[figure(a, "42家", 42, "家", None)],
        agreements=[
            agreement(a, "红石通信、青鸟科技与三基础运营商签署了合作协议", ["红石通信", "青鸟科技"], "三基础运营商")
        ],
    )
