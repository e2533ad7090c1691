"""The query mix of the API load test: mostly clean customers, some listed parties.

A bank's screening traffic is mostly people and companies that are on no list, so 80% of
the queries are made-up names (Western, Japanese in kanji and katakana, Russian in Cyrillic,
companies in English and Japanese) and 20% are names of listed entities taken from the store
(Latin, katakana or Cyrillic forms). Every query is distinct, so nothing is answered twice
from a cache. The mix is seeded: the same seed gives the same requests.
"""

from __future__ import annotations

import json
import random
from typing import Any

from seisai.model import Entity, Schema
from seisai.text.scripts import Script

GIVEN = ["John", "Mary", "James", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "Thomas", "Sarah", "Hans", "Anna", "Pierre", "Marie", "Giovanni", "Giulia", "Carlos", "Lucia", "Taro", "Hanako", "Hiroshi", "Yuki", "Kenji", "Akiko", "Takashi", "Naomi", "Wei", "Li", "Minjun", "Jiwoo", "Ivan", "Olga", "Sergei", "Elena", "Dmitri", "Natalia", "Ahmed", "Fatima", "Peter", "Laura", "Mark", "Emma", "Paul", "Sophie"]
FAMILY = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Wilson", "Taylor", "Mueller", "Schmidt", "Dubois", "Rossi", "Fernandez", "Yamada", "Suzuki", "Tanaka", "Watanabe", "Ito", "Nakamura", "Kobayashi", "Kato", "Wang", "Zhang", "Kim", "Park", "Ivanov", "Smirnova", "Kuznetsov", "Popova", "Sokolov", "Hassan", "Khan", "Nguyen", "Silva", "Novak", "Kowalski", "Jensen", "Larsen", "Moreau", "Bianchi", "Weber", "Fischer", "Sato", "Takahashi", "Inoue", "Kimura"]
KANJI_FAMILY = ["山田", "鈴木", "田中", "佐藤", "高橋", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本", "松本", "井上", "木村", "林", "清水", "山口", "森", "池田"]
KANJI_GIVEN = ["太郎", "花子", "一郎", "健", "美咲", "博", "直美", "修", "明", "愛", "翔", "陽子", "大輔", "恵", "誠", "裕子", "拓也", "真由美", "剛", "彩"]
KANA_FAMILY = ["ヤマダ", "スズキ", "タナカ", "サトウ", "タカハシ", "イトウ", "ワタナベ", "ナカムラ", "コバヤシ", "カトウ"]
KANA_GIVEN = ["タロウ", "ハナコ", "イチロウ", "ケン", "ミサキ", "ヒロシ", "ナオミ", "オサム", "アキラ", "アイ"]
CYR_GIVEN = ["Иван", "Ольга", "Сергей", "Елена", "Дмитрий", "Наталья", "Алексей", "Мария", "Андрей", "Татьяна"]
CYR_FAMILY = ["Петров", "Смирнова", "Кузнецов", "Попова", "Соколов", "Иванова", "Морозов", "Волкова", "Лебедев", "Козлова"]
CO_FIRST = ["Acme", "Sakura", "Fuji", "Northern", "Pacific", "Global", "Blue-Ocean", "Tokyo", "Osaka", "Baltic", "Siberian", "Green-Valley", "Orion", "Apex", "Summit", "Harbor", "Kyoto", "Nagoya", "Meridian", "Polaris", "Atlas", "Horizon", "Crescent", "Evergreen", "Silverline"]
CO_SECOND = ["Trading", "Logistics", "Shipping", "Electronics", "Holdings", "Industries", "Foods", "Chemicals", "Machinery", "Textiles", "Energy", "Metals"]
CO_FORM = ("Co., Ltd.", "Inc.", "LLC", "GmbH", "Corporation", "K.K.", "LLP", "AG", "Limited", "S.A.")
JA_CO_STEM = ["サクラ", "フジ", "ミナト", "ホクト", "アサヒ", "ヒカリ", "ヤマト", "ツバサ"]
JA_CO_KIND = ["商事", "物産", "海運", "化学", "電機", "食品", "精機", "興業"]
JA_FORMS = ("株式会社{}", "{}株式会社", "{}有限会社", "合同会社{}")

PERSON_SHARE, KANJI_SHARE, KANA_SHARE, CYR_SHARE, COMPANY_SHARE = 0.42, 0.08, 0.05, 0.05, 0.32


def _clean(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < PERSON_SHARE:
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.5 else ""
        return "Person", f"{rng.choice(GIVEN)}{middle} {rng.choice(FAMILY)}"
    roll -= PERSON_SHARE
    if roll < KANJI_SHARE:
        return "Person", rng.choice(KANJI_FAMILY) + rng.choice(KANJI_GIVEN)
    roll -= KANJI_SHARE
    if roll < KANA_SHARE:
        return "Person", f"{rng.choice(KANA_FAMILY)} {rng.choice(KANA_GIVEN)}"
    roll -= KANA_SHARE
    if roll < CYR_SHARE:
        return "Person", f"{rng.choice(CYR_GIVEN)} {rng.choice(CYR_FAMILY)}"
    roll -= CYR_SHARE
    if roll < COMPANY_SHARE:
        return "Company", f"{rng.choice(CO_FIRST)} {rng.choice(CO_SECOND)} {rng.choice(CO_FORM)}"
    return "Company", rng.choice(JA_FORMS).format(rng.choice(JA_CO_STEM) + rng.choice(JA_CO_KIND))


def _listed(rng: random.Random, entity: Entity) -> tuple[str, str]:
    schema = entity.schema.value if entity.schema in {Schema.PERSON, Schema.VESSEL} else "LegalEntity"
    other = [n.value for n in entity.names if n.script in {Script.KATAKANA, Script.CYRILLIC}]
    if other and rng.random() < 0.4:
        return schema, rng.choice(other)
    return schema, entity.caption


def query_mix(entities: list[Entity], count: int, seed: int = 20261121, listed_share: float = 0.2) -> list[dict[str, Any]]:
    """``count`` distinct single-query /match bodies (as dicts), in a seeded random order."""
    rng = random.Random(seed)
    pool = rng.sample(entities, min(len(entities), int(count * listed_share * 1.5) + 1))
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    listed = iter(pool)
    while len(out) < count:
        if rng.random() < listed_share:
            entity = next(listed, None)
            pair = _listed(rng, entity) if entity is not None else _clean(rng)
        else:
            pair = _clean(rng)
        if pair in seen:
            continue
        seen.add(pair)
        out.append({"queries": {"q": {"schema": pair[0], "properties": {"name": [pair[1]]}}}})
    return out


def lua_script(bodies: list[dict[str, Any]], path: str, key: str) -> str:
    """A wrk script: each thread walks the bodies from its own offset, one per request."""
    items = ",\n".join("[==[" + json.dumps(b, ensure_ascii=False) + "]==]" for b in bodies)
    return f"""
local bodies = {{
{items}
}}
local headers = {{["Content-Type"] = "application/json", ["Authorization"] = "ApiKey {key}"}}
local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
local i = 0
function init(args)
  i = tonumber(offset) or 0
end
function request()
  i = i + 1
  return wrk.format("POST", "{path}", headers, bodies[(i % #bodies) + 1])
end
"""
