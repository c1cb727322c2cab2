"""Reading and cleaning input: pipeline.read.articles and pipeline.read.clean."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hostile import GOOD, hostile_files
from repo import DATA, ROOT, SAMPLE_GOLD

from pipeline.read.articles import count_articles, decode, read_lines, read_paths, sentences
from pipeline.read.clean import KEEP_FULL_WIDTH, is_boilerplate, normalise
from pipeline.records import Article, InputError

SAMPLE = ROOT / "corpus" / "000_5752d0d765a15d5f.txt"
GOLD = SAMPLE_GOLD


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_one(path) -> Article | InputError:
    (item,) = read_paths([str(path)])
    return item


def body_sentences(body: str) -> list[str]:
    return [s.text for s in sentences(Article(doc="t", text=body))]


@pytest.fixture(scope="module")
def sample() -> Article:
    article = read_one(SAMPLE)
    assert isinstance(article, Article), article
    return article


@pytest.fixture(scope="module")
def sample_sentences(sample):
    return sentences(sample)


# --- the sample article ---------------------------------------------------------------------


def test_sample_front_matter_matches_gold(sample):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["article"]
    assert {k: getattr(sample, k) for k in ("url", "title", "author", "time")} == gold
    assert sample.doc == str(SAMPLE)
    assert sample.text == SAMPLE.read_text(encoding="utf-8")
    assert sample.text[: sample.body_start].rstrip().endswith("---")
    assert sample.body[0] not in "-\n"


def test_sample_offsets_round_trip(sample, sample_sentences):
    assert len(sample_sentences) > 20
    for s in sample_sentences:
        assert s.start >= sample.body_start
        assert normalise(sample.text[s.start : s.end]) == s.text
        assert s.text == s.text.strip() and s.text


def test_sample_sentences_are_in_text_order(sample_sentences):
    starts = [s.start for s in sample_sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(sample_sentences, sample_sentences[1:]))


def test_sample_repeated_body_is_read_once(sample, sample_sentences):
    keys = [squeeze(s.text) for s in sample_sentences]
    assert len(keys) == len(set(keys))
    # the body is repeated paragraph by paragraph after the merged first copy: none of it survives
    second_copy = sample.text.index("\n\n", sample.text.index("订阅")) + 2
    assert all(s.start < second_copy for s in sample_sentences)


def test_sample_every_body_paragraph_is_covered(sample, sample_sentences):
    """De-duplication drops repeats only: each paragraph's content is in some kept sentence."""
    kept = "".join(squeeze(s.text) for s in sample_sentences)
    for para in sample.body.split("\n\n"):
        for piece in re.split(r"[。！？；;]", squeeze(normalise(para))):
            if len(piece) > 4 and not is_boilerplate(piece):
                assert piece in kept, piece


def test_sample_footer_dropped_but_inline_wechat_id_kept(sample, sample_sentences):
    assert "转载请注明" in sample.body and "欢迎大家关注" in sample.body
    texts = [s.text for s in sample_sentences]
    assert not any("转载请注明" in t or "欢迎大家关注" in t or "首发" in t for t in texts)
    inline = [t for t in texts if "（微信：" in t]
    assert len(inline) == 1 and "先后走访了" in inline[0]


def test_sample_quote_and_speaker_stay_one_sentence(sample_sentences):
    quoted = [s.text for s in sample_sentences if s.text.startswith("“苏宁互联")]
    assert len(quoted) == 1
    assert quoted[0].endswith("”王帅说。")


# --- sentence cutting ------------------------------------------------------------------------


def test_cuts_after_ending_punctuation_keeping_it():
    assert body_sentences("甲公司发布新品。乙公司呢？丙公司很好！丁；戊") == [
        "甲公司发布新品。",
        "乙公司呢？",
        "丙公司很好！",
        "丁；",
        "戊",
    ]


def test_no_cut_inside_quotation():
    text = "他说：“第一句。第二句！第三句？”然后离开了。下一句。"
    assert body_sentences(text) == ["他说：“第一句。第二句！第三句？”然后离开了。", "下一句。"]


def test_unclosed_or_overlong_quotation_is_cut():
    assert body_sentences("他说：“第一句。第二句。") == ["他说：“第一句。", "第二句。"]
    long_quote = "“" + "".join(f"第{i}句很长的话。" for i in range(60)) + "”"
    assert len(long_quote) > 400
    assert len(body_sentences(long_quote)) == 60


def test_quote_followed_by_new_quote_or_space_is_cut():
    assert body_sentences("“第一。”“第二。”") == ["“第一。”", "“第二。”"]
    assert body_sentences("“第一。” 下一段") == ["“第一。”", "下一段"]


def test_cuts_at_newlines_and_wide_spaces_not_single_spaces():
    text = "第一段没有句号\n第二段\u3000\u3000第三段 有 空格  第四段"
    assert body_sentences(text) == ["第一段没有句号", "第二段", "第三段 有 空格", "第四段"]


def test_list_heading_glued_by_one_space_is_split_and_bare_markers_dropped():
    assert body_sentences("1、终端 在展台看到新手机。") == ["1、终端", "在展台看到新手机。"]
    assert body_sentences("想法如下： 2、差异化运营") == ["想法如下：", "2、差异化运营"]
    assert body_sentences("正文一句。\n3、\n（4）\n——") == ["正文一句。"]


def test_block_tags_break_but_inline_tags_and_lone_nbsp_do_not():
    text = "<p>苏宁互联<b>副总经理</b>王帅&nbsp;表示，很好</p><p>第二段<br/>第三段&nbsp;&nbsp;第四段"
    assert [squeeze(t) for t in body_sentences(text)] == [
        "苏宁互联副总经理王帅表示，很好",
        "第二段",
        "第三段",
        "第四段",
    ]


def test_ascii_punctuation_in_urls_does_not_cut():
    assert body_sentences("访问http://a.cn/x?id=1;b=2查看!好") == ["访问http://a.cn/x?id=1;b=2查看!", "好"]


def test_repeated_sentence_and_repeated_fragment_dropped():
    text = (
        "甲公司用户超过十万户，增长很快。乙公司也不错。\n\n乙公司也不错。\n甲公司用户超过十万户，增长很快。新的一句话。"
    )
    assert body_sentences(text) == ["甲公司用户超过十万户，增长很快。", "乙公司也不错。", "新的一句话。"]
    merged = "前言部分是这样写的： 获得牌照二十五家企业\n\n获得牌照二十五家企业"
    assert body_sentences(merged) == ["前言部分是这样写的： 获得牌照二十五家企业"]


def test_a_transcripts_repeated_speaker_label_is_kept():
    text = "问：资费会降吗？\n孟立：\n会降。\n问：什么时候？\n孟立：\n明年。"
    assert body_sentences(text) == ["问：资费会降吗？", "孟立：", "会降。", "问：什么时候？", "孟立：", "明年。"]


def test_boilerplate_patterns():
    for footer in (
        "本文搜狐IT首发，转载请注明来源和作者。",
        "欢迎大家关注我们的微信公众号。",
        "微信公众号：abcdef123",
        "版权归通信生活报所有。",
        "未经授权不得转载。",
        "扫码关注我们",
        "QQ群：12345678",
    ):
        assert is_boilerplate(normalise(footer)), footer
    for real in (
        "通信生活报（微信：maoqiying2008)先后走访了迪信通。",
        "用户扫码即可开通业务。",
        "微信用户数量超过5亿。",
        "欢迎虚拟运营商加入联盟。",
    ):
        assert not is_boilerplate(normalise(real)), real


def test_sentence_offsets_point_past_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 标题\n---\n\u3000\u3000２５家企业。<p>第二句&nbsp;话。</p>\n", encoding="utf-8")
    article = read_one(path)
    spans = sentences(article)
    assert [s.text for s in spans] == ["25家企业。", "第二句      话。"]
    for s in spans:
        assert normalise(article.text[s.start : s.end]) == s.text
    assert article.text[spans[0].start : spans[0].end] == "２５家企业。"


# --- normalise -------------------------------------------------------------------------------


def test_normalise_folds_full_width_ascii_keeping_length():
    raw = "２５家，ＡＰＰ占比５６％，增长３．５倍＋\u3000共\u00a0计"
    out = normalise(raw)
    assert out == "25家，APP占比56%，增长3.5倍+ 共 计"
    assert len(out) == len(raw)


def test_normalise_keeps_chinese_punctuation():
    punct = "，。；：？！（）“”‘’、《》【】"
    assert normalise(punct) == punct
    assert set(KEEP_FULL_WIDTH) <= set(punct)


def test_normalise_blanks_html_remnants():
    raw = '<p>第一段</p><br/>第二段&nbsp;<a href="x">链接</a>'
    out = normalise(raw)
    assert len(out) == len(raw)
    assert "<" not in out and "&" not in out
    assert squeeze(out) == "第一段第二段链接"
    assert normalise("价格<10元，A<B") == "价格<10元，A<B"


def test_normalise_keeps_length_of_sample(sample):
    out = normalise(sample.text)
    assert len(out) == len(sample.text)
    assert out[sample.body_start :].startswith("工信部")


# --- decoding --------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_encodings_decode_to_the_same_article(tmp_path, sample, encoding):
    path = tmp_path / f"sample_{encoding}.txt"
    path.write_bytes(sample.text.encode(encoding))
    article = read_one(path)
    assert isinstance(article, Article), article
    assert article.text == sample.text
    assert article.body_start == sample.body_start
    assert article.title == sample.title


def test_charset_detection_fallback(tmp_path):
    text = "Привет, как дела? Это тестовый текст на русском языке. Мы проверяем определение кодировки. " * 5
    assert decode(text.encode("cp1251"), "russian.txt") == text


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \n\t\r\n\xe3\x80\x80\n", "empty file"),
    "only_front.md": ("---\ntitle: 标题\n---\n\n".encode(), "empty file"),
    "nul.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    "controls.txt": (bytes(range(1, 9)) * 40, "binary file, not text"),
    "garbage.txt": (bytes(range(0x80, 0x100)) * 3, "cannot decode"),
    "unclosed.md": ("---\ntitle: 标题\n正文。\n".encode(), "broken front matter"),
    "not_mapping.md": ("---\n- a\n- b\n---\n正文。\n".encode(), "broken front matter"),
    "bad_yaml.md": ("---\ntitle: 虚拟运营商: 实地走访\n---\n正文。\n".encode(), "broken front matter"),
    "only_dashes.md": (b"---", "broken front matter"),
}


def test_bad_files_give_one_line_errors_and_the_batch_goes_on(tmp_path):
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("好的文章。", encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    assert [Path(i.doc).name for i in items] == sorted([*BAD_FILES, "good.txt"])
    for item in items:
        name = Path(item.doc).name
        if name == "good.txt":
            assert isinstance(item, Article) and item.text == "好的文章。"
            continue
        assert isinstance(item, InputError), name
        assert item.reason.startswith(BAD_FILES[name][1]), (name, item.reason)
        assert name in str(item) and "\n" not in str(item)


def test_front_matter_time_as_written_and_crlf(tmp_path):
    path = tmp_path / "crlf.md"
    front = "---\r\ntime: 2014-09-26 12:26:00\r\ndate: 2014-09-26\r\nname: 作者\r\n---\r\n"
    path.write_bytes((front + "正文。\r\n").encode())
    article = read_one(path)
    assert article.time == "2014-09-26 12:26:00"
    assert article.author == "作者"
    assert article.body == "正文。\r\n"
    assert [s.text for s in sentences(article)] == ["正文。"]


def test_front_matter_fields_are_strings_as_written(tmp_path):
    path = tmp_path / "typed.md"
    path.write_text("---\ntime: 12:26\ntitle: yes\ncount: 3\ntags: [a, b]\n---\n正文。", encoding="utf-8")
    article = read_one(path)
    assert (article.time, article.title) == ("12:26", "yes")


def test_text_without_front_matter(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("正文第一句。\n---\n不是前言。", encoding="utf-8")
    article = read_one(path)
    assert article.body_start == 0 and article.title is None


# --- JSON and JSON Lines ---------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": "第一篇。", "url": "http://a", "published": "2015-01-02", "author": "甲"}),
        "{not json",
        "",
        json.dumps({"title": "没有正文"}),
        json.dumps({"id": "x7", "text": "第二篇。", "name": "乙", "source": "wire"}, ensure_ascii=False),
        json.dumps(["a list"]),
        json.dumps({"text": "  "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([str(path)]))
    docs = [i.doc for i in items]
    assert docs == [f"{path}:1", f"{path}:2", f"{path}:4", f"{path}#x7", f"{path}:6", f"{path}:7"]
    first, bad_json, no_text, second, a_list, blank = items
    assert isinstance(first, Article)
    assert (first.text, first.url, first.time, first.author) == ("第一篇。", "http://a", "2015-01-02", "甲")
    assert isinstance(second, Article) and second.author == "乙"
    for err in (bad_json, no_text, a_list, blank):
        assert isinstance(err, InputError) and err.doc in str(err)
    assert "not JSON" in bad_json.reason and "text" in no_text.reason


def test_json_file_with_object_or_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "一篇。", "title": "题"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "甲。"}, {"x": 1}, {"text": "乙。", "id": 9}]), encoding="utf-8")
    items = list(read_paths([str(one), str(many)]))
    assert [i.doc for i in items] == [str(one), f"{many}:1", f"{many}:2", f"{many}#9"]
    assert [type(i) for i in items] == [Article, Article, InputError, Article]
    assert items[0].title == "题"


# --- paths, folders and globs ----------------------------------------------------------------


def test_folders_walked_sorted_with_known_extensions_only(tmp_path):
    for rel in ("b.txt", "a.md", "sub/c.markdown", "sub/d.jsonl", "skip.pdf", ".hidden.txt", ".git/e.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"text": "句子。"}) if rel.endswith(".jsonl") else "句子。", encoding="utf-8")
    docs = [i.doc for i in read_paths([str(tmp_path)])]
    base = str(tmp_path)
    assert docs == [f"{base}/a.md", f"{base}/b.txt", f"{base}/sub/c.markdown", f"{base}/sub/d.jsonl:1"]


def test_globs_sorted_missing_paths_reported_and_files_read_once(tmp_path):
    for name in ("2.txt", "10.txt", "1.txt"):
        (tmp_path / name).write_text(f"第{name}篇。", encoding="utf-8")
    items = list(
        read_paths([f"{tmp_path}/*.txt", f"{tmp_path}/nothing*.txt", f"{tmp_path}/1.txt", f"{tmp_path}/missing.txt"])
    )
    assert [Path(i.doc).name for i in items] == ["1.txt", "10.txt", "2.txt", "nothing*.txt", "missing.txt"]
    assert [i.reason for i in items if isinstance(i, InputError)] == ["no such file", "no such file"]


def test_folder_without_articles_is_reported(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (item,) = read_paths([str(tmp_path)])
    assert isinstance(item, InputError) and item.doc == str(tmp_path) and "no " in item.reason


def test_doc_is_the_path_as_given(monkeypatch, tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "x.txt").write_text("句子。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [i.doc for i in read_paths(["corpus", "./corpus/x.txt"])] == ["corpus/x.txt"]
    assert [i.doc for i in read_paths(["./corpus/x.txt"])] == ["./corpus/x.txt"]


# --- one document per line -------------------------------------------------------------------


def test_read_lines_keeps_alignment_and_reads_cluener(tmp_path):
    path = tmp_path / "lines.txt"
    cluener = json.dumps(
        {"text": "浙商银行企业信贷部叶老桂博士", "label": {"name": {"叶老桂": [[9, 11]]}}}, ensure_ascii=False
    )
    path.write_bytes(("第一行。\r\n\n" + cluener + "\n{不是JSON\n").encode("gb18030"))
    items = list(read_lines(str(path)))
    assert [a.doc for a in items] == [f"{path}:{n}" for n in range(1, 5)]
    assert [a.text for a in items] == ["第一行。", "", "浙商银行企业信贷部叶老桂博士", "{不是JSON"]
    assert all(a.body_start == 0 for a in items)


def test_read_lines_raises_for_unreadable_file(tmp_path):
    with pytest.raises(InputError, match="binary"):
        list(read_lines(str(_write(tmp_path / "bin.txt", b"\x00\x01\x02"))))
    with pytest.raises(InputError, match="no_file.txt"):
        list(read_lines(str(tmp_path / "no_file.txt")))
    assert list(read_lines(str(_write(tmp_path / "empty.txt", b"")))) == []


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_straight_quotes_become_curly_pairs_of_the_same_length():
    text = '他说："我们不做价格战。"随后离场。'
    folded = normalise(text)
    assert len(folded) == len(text) and "“我们不做价格战。”" in folded


# --- hostile input (issue 25): each is one InputError, or read correctly; never an exception ---------


def test_hostile_files_fail_one_by_one_and_the_batch_goes_on(tmp_path):
    expected = hostile_files(tmp_path / "in")
    (tmp_path / "in" / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "in")], max_bytes=200_000))
    good = [i for i in items if isinstance(i, Article)]
    assert [Path(a.doc).name for a in good] == ["good.txt"]
    reasons = {Path(i.doc).name: i.reason for i in items if isinstance(i, InputError)}
    assert set(reasons) == set(expected)
    for name, reason in expected.items():
        assert reasons[name].startswith(reason), (name, reasons[name])
    # a larger limit lets the big file in
    assert isinstance(read_one_limited(tmp_path / "in" / "big.txt", 300_000), Article)


def read_one_limited(path: Path, max_bytes: int) -> Article | InputError:
    (item,) = read_paths([str(path)], max_bytes=max_bytes)
    return item


def test_lone_surrogates_in_json_become_replacement_characters_of_the_same_length(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"text": "中国联通\ud800发布公告称。", "title": "\udfff题"}) + "\n", encoding="utf-8")
    (article,) = read_paths([str(path)])
    assert article.text == "中国联通\ufffd发布公告称。" and article.title == "\ufffd题"
    article.text.encode("utf-8")  # hashable, storable, printable


def test_a_file_name_that_is_not_utf8_is_read_under_a_printable_name(tmp_path):
    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (article,) = read_paths([str(tmp_path)])
    assert article.doc.endswith("bad\\xff.txt") and article.text == GOOD
    article.doc.encode("utf-8")


def test_symlink_loops_under_a_glob_read_each_file_once(tmp_path):
    sub = tmp_path / "news" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(GOOD, encoding="utf-8")
    (sub / "up").symlink_to("..")  # two loops: enough to hang glob's own ** walk
    (sub / "here").symlink_to(".")
    (tmp_path / "news" / "alias.txt").symlink_to(sub / "a.txt")
    for paths in (
        [f"{tmp_path}/news/**/*.txt"],
        [f"{tmp_path}/news/**"],
        [str(tmp_path / "news")],
        [f"{tmp_path}/news/sub/*/*.txt", str(sub / "a.txt")],
    ):
        docs = [i.doc for i in read_paths(paths)]
        assert len(docs) == 1, (paths, docs)


TRADITIONAL = "中華電信今天宣布，將與多家虛擬行動網路業者合作，推出新的資費方案。董事長表示，明年用戶數可望突破一百萬。"
JAPANESE = "日本の携帯電話会社は、格安スマホの料金プランを発表しました。社長は来年の契約者数が百万人を超えると述べた。"
FRENCH = "Les opérateurs mobiles virtuels ont annoncé une baisse des prix. « C'est très intéressant », a déclaré le président."


@pytest.mark.parametrize("text,encoding", [(TRADITIONAL, "big5"), (JAPANESE, "shift_jis")])
def test_other_encodings_are_not_read_as_gb18030(text, encoding):
    assert decode(text.encode(encoding), "x.txt") == text


def test_big5_with_mainland_vocabulary_is_big5(tmp_path):
    text = (
        "中國聯通近日宣佈，虛擬運營商業務將向更多合作夥伴開放。該公司副總經理張明表示，目前已有十二家虛擬運營商"
        "接入其網絡，用戶總數超過三百萬戶。\n業內人士認為，轉售業務的競爭將更加激烈。\n"
    )
    (tmp_path / "a.txt").write_bytes(text.encode("big5"))
    (article,) = read_paths([str(tmp_path / "a.txt")])
    assert isinstance(article, Article) and article.text == text


def test_latin1_which_several_encodings_read_differently_is_refused_not_guessed():
    with pytest.raises(InputError, match="cannot decode: not UTF-8 or GB18030; .* read it differently"):
        decode(FRENCH.encode("latin-1"), "x.txt")


def test_big5_and_shift_jis_bytes_are_valid_gb18030_so_only_the_confidence_check_stops_them():
    for text, encoding in ((TRADITIONAL, "big5"), (JAPANESE, "shift_jis")):
        assert text.encode(encoding).decode("gb18030") != text


def test_text_no_encoding_reads_cleanly_is_refused_not_guessed():
    import random

    rng = random.Random(1)
    data = bytes(b for _ in range(60) for b in (rng.randrange(0xF8, 0xFF), rng.randrange(0xA1, 0xFF)))
    data.decode("gb18030")  # valid GB18030, but private-use characters and rare ones
    # refused with a reason; which reason (no reading at all, or the likeliest one reads as garbage)
    # is charset-normalizer's call and moves with its releases
    with pytest.raises(InputError, match=r"cannot decode: not UTF-8 or GB18030[,;] \w+"):
        decode(data, "x.txt")


def test_html_comments_scripts_and_styles_are_blanked_keeping_offsets():
    raw = (
        '<html><head><style>p { color: red; }</style><script>var s = "王帅表示，我们不做价格战。";</script>'
        "</head><body><!-- 李明说：“这是注释。”\n第二行 --><p>中国联通发布公告称，将下调批发价。</p>"
        "<!-- 没有结尾的注释 <script>也没有结尾</body></html>"
    )
    out = normalise(raw)
    assert len(out) == len(raw) and out.count("\n") == raw.count("\n")
    assert "王帅" not in out and "李明" not in out and "color" not in out
    assert out.index("中国联通") == raw.index("中国联通")
    assert "没有结尾的注释" in out and "也没有结尾" in out  # no closer: not blanked
    texts = [s.text for s in sentences(Article(doc="t.html", text=raw))]
    assert texts[0] == "中国联通发布公告称，将下调批发价。" and not any("王帅" in t or "李明" in t for t in texts)


def test_an_over_long_sentence_is_read_in_windows_cut_at_clause_marks_where_there_are_some():
    from pipeline.read.clean import MAX_SENTENCE

    line = "".join(f"第{i}家虚拟运营商用户增长" + ("，" if i % 40 == 39 else "") for i in range(400))
    spans = sentences(Article(doc="t", text=line))
    assert len(spans) > 1 and all(len(s.text) <= MAX_SENTENCE for s in spans)
    assert all(line[s.start : s.end] == s.text for s in spans)
    assert all(s.text.endswith("，") for s in spans[:-1])  # cut after a clause mark, not inside a word
    assert "".join(s.text for s in spans) == line


def test_articles_are_counted_without_reading_them(tmp_path):
    (tmp_path / "a.txt").write_text("中国联通发布公告。", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "一"}\n\n{"text": "二"}\nnot json\n', encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), str(DATA / "articles")]
    assert count_articles(paths) == len(list(read_paths(paths)))
