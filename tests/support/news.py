"""Short made-up reports in the genre, numbered, for the ingest, push and bulk tests."""

from __future__ import annotations

from pathlib import Path

COMPANIES = ["爱施德", "话机世界", "三五互联", "朗玛信息", "小米", "海航通信", "红豆集团", "鹏博士"]
PEOPLE = ["李明", "张华", "王强", "刘洋", "陈静", "赵磊", "孙丽", "周涛", "吴昊"]
TITLES = ["副总裁", "总经理", "董事长"]


def news(i: int, edit: str = "") -> str:
    """A short report in the genre; every one repeats the same anonymous remark (republished)."""
    company, person, title = COMPANIES[i % len(COMPANIES)], PEOPLE[i % len(PEOPLE)], TITLES[i % len(TITLES)]
    return (
        f"---\nurl: https://news.example.cn/mvno/{i}\ntitle: {company}转售业务进展{i}\nname: 周敏\n"
        f"time: 2015-03-{1 + i % 28:02d} 09:30\n---\n"
        f"{company}{title}{person}在接受采访时表示，移动转售业务今年的重点是提升服务质量{edit}。"
        f"“{company}用户已经超过{10 + i}万户。”{person}说。\n\n"
        "有业内人士指出，虚拟运营商的资费竞争将更加激烈。\n\n"
        f"{company}与中国联通签署了合作协议。\n"
    )


def write(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        paths.append(folder / f"{i:03d}.md")
        paths[-1].write_text(news(i), encoding="utf-8")
    return paths
