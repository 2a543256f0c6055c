#!/usr/bin/env python3
"""Deterministic benchmark data for Glossary and its peers.

Writes into the output folder (default: Benchmarks/out):
  corpus.txt          ~100 MB of news-like Indonesian and English lines, about 4-5 entity
                      mentions per 100 words in mixed spellings and case, a little Cyrillic
                      and Han, and a few lines of 1 MB; corpus-1mb.txt and corpus-10mb.txt
                      are its first 1 and 10 MB (cut at a line end).
  terms-100.tsv       the first ~100 term rows of the shipped table
  terms-10k.tsv       the shipped table plus synthetic concepts, ~10,000 term rows
  terms-100k.tsv      the same, ~100,000 term rows
  terms-*.pairs       the same tables for the peers: one "surface<TAB>canonical" per line

Every sentence template below was written for this benchmark. Usage:
  python3 Benchmarks/generate.py [--out DIR] [--mb 100] [--seed 7]
"""
import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(HERE, "..", "Data", "terms.tsv")

# Sentence templates: {P} person, {O} organisation, {L} place/country. Filler words
# around them keep the density near 4-5 mentions per 100 words.
TEMPLATES_ID = [
    "Dalam kunjungan kerja pekan ini, {P} bertemu dengan {P} untuk membahas kerja sama ekonomi dan keamanan kawasan yang dinilai makin penting bagi kedua pihak.",
    "Menurut keterangan resmi yang dirilis pada Selasa malam, delegasi {L} akan tiba di {L} untuk menghadiri sidang tahunan {O} yang diikuti banyak negara anggota.",
    "Para pengamat menilai langkah tersebut sebagai sinyal bahwa hubungan kedua negara sedang memasuki babak baru setelah beberapa tahun penuh ketegangan.",
    "Juru bicara kementerian mengatakan pemerintah akan terus memantau perkembangan situasi dan menyampaikan informasi terbaru kepada masyarakat secepatnya.",
    "Harga bahan pokok di sejumlah pasar tradisional kembali naik menjelang akhir bulan, sementara pedagang mengeluhkan pasokan yang tidak menentu dari daerah.",
    "{P} menegaskan bahwa {L} tidak akan tunduk pada tekanan pihak luar dan tetap menjalankan kebijakan luar negeri yang bebas dan aktif sesuai kepentingan nasional.",
    "Pertemuan itu juga membahas rencana latihan bersama, pertukaran pelajar, dan peningkatan investasi di sektor energi terbarukan yang selama ini berjalan lambat.",
    "Sebelumnya, {O} menyatakan dukungan terhadap upaya perdamaian dan meminta semua pihak menahan diri agar konflik tidak meluas ke wilayah sekitarnya.",
    "Kepala dinas setempat mengimbau warga agar tetap waspada terhadap cuaca ekstrem yang diperkirakan masih akan berlangsung hingga beberapa hari ke depan.",
    "Dalam wawancara dengan wartawan di {L}, {P} mengatakan bahwa kerja sama dengan {O} akan diperluas ke bidang pendidikan, kesehatan, dan teknologi digital.",
]
TEMPLATES_EN = [
    "Speaking to reporters after the talks, {P} said that {L} was ready to deepen cooperation with {L} in trade, energy and regional security over the coming years.",
    "Analysts said the meeting showed how quickly the relationship had changed, although several officials cautioned that many practical questions remained open.",
    "The statement issued by {O} on Wednesday called on all parties to show restraint and to return to negotiations without preconditions as soon as possible.",
    "Local authorities said the new rail line would cut travel times by half and bring thousands of jobs to towns that have struggled since the factories closed.",
    "{P} arrived in {L} on Monday for a three-day visit that is expected to include talks on investment, scholarships and a long-delayed fisheries agreement.",
    "The ministry added that it would keep monitoring the situation closely and publish further updates on its website whenever new information became available.",
]
FILLER = [
    "Sementara itu, kegiatan ekonomi di ibu kota berjalan seperti biasa dan lalu lintas di jalan-jalan utama terpantau ramai lancar sepanjang hari.",
    "Meanwhile, markets across the region traded mostly flat as investors waited for fresh data on inflation, wages and consumer spending later in the week.",
    "Warga yang ditemui di lokasi mengaku belum menerima pemberitahuan resmi, tetapi mereka berharap pemerintah segera memberikan kepastian mengenai jadwal pembangunan.",
]

# Spellings used in the text: a mix of preferred terms, variants and case forms.
PERSONS = ["Sergei Shoigu", "Sergey Shoygu", "Shoigu", "Shoygu", "SHOIGU", "Wang Yi", "Wang", "Xi Jinping",
           "Vladimir Putin", "Putin", "Sergey Lavrov", "Lavrov", "Nikolai Patrushev", "Zhang Hanhui",
           "Prabowo Subianto", "Narendra Modi", "Шойгу", "Сергей Лавров", "王毅", "习近平", "Shоigu"]
ORGS = ["Perserikatan Bangsa-Bangsa", "PBB", "Organisasi Kerja Sama Shanghai", "Organisasi Kerjasama Shanghai", "SCO",
        "BRICS", "ASEAN", "Partai Komunis Tiongkok", "PKT", "CPC", "Communist Party of China", "United Nations",
        "Dewan Keamanan PBB", "Kementerian Luar Negeri Rusia", "NATO", "Uni Eropa"]
PLACES = ["Tiongkok", "China", "Cina", "Rusia", "Russia", "Moskow", "Moskwa", "Moscow", "Beijing", "Jakarta",
          "Indonesia", "Amerika Serikat", "AS", "India", "Brasil", "Kazan", "Rusianya", "Tiongkok-Rusia", "Москва", "中国"]

# Synthetic names: Indonesian, Russian-romanized and pinyin styles.
ID_FIRST = ["Budi", "Agus", "Siti", "Dewi", "Rudi", "Eko", "Sri", "Bambang", "Wahyu", "Rina", "Yusuf", "Hendra",
            "Lestari", "Indra", "Putri", "Fajar", "Nur", "Teguh", "Ratna", "Joko", "Ayu", "Dimas", "Fitri", "Galih"]
ID_LAST = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Setiawan", "Gunawan",
           "Siregar", "Nasution", "Harahap", "Simanjuntak", "Purnomo", "Wibowo", "Susanto", "Lubis", "Hakim"]
RU_FIRST = ["Aleksandr", "Dmitry", "Mikhail", "Ivan", "Oleg", "Pavel", "Yuri", "Viktor", "Andrei", "Boris",
            "Igor", "Anatoly", "Olga", "Tatiana", "Irina", "Natalia", "Svetlana", "Yelena", "Konstantin", "Gennady"]
RU_ROOTS = ["Volk", "Sokol", "Kuznets", "Petr", "Smirn", "Lebed", "Morozov", "Novik", "Zaits", "Pavlov",
            "Semen", "Golub", "Vinogr", "Bogd", "Orl", "Kisel", "Makar", "Nikit", "Zakhar", "Tikhon", "Frol", "Gusev"]
RU_ENDS = ["ov", "ev", "in", "sky", "enko", "ovich", "yev", "ikov", "anov", "ayev"]
PY_SYL = ["zhang", "wang", "li", "zhao", "chen", "liu", "yang", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu",
          "hu", "guo", "he", "lin", "luo", "gao", "liang", "song", "zheng", "xie", "han", "tang", "feng", "deng",
          "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng"]
ORG_HEAD = ["Kementerian", "Badan", "Komisi", "Dewan", "Lembaga", "Institut", "Partai", "Yayasan", "Asosiasi", "Forum"]
ORG_TAIL = ["Energi", "Pangan", "Maritim", "Digital", "Pertahanan", "Kesehatan", "Pendidikan", "Perdagangan",
            "Lingkungan", "Teknologi", "Keuangan", "Pariwisata", "Transportasi", "Pertanian", "Kebudayaan", "Riset"]
PLACE_SYL = ["ka", "ra", "ta", "ma", "na", "sa", "la", "wa", "ba", "da", "ga", "ja", "pa", "ki", "ri", "ti",
             "mi", "ni", "si", "li", "bu", "du", "gu", "ku", "lu", "mu", "nu", "ru", "su", "tu", "ko", "ro", "to"]


def slug(text):
    out = []
    for ch in text.lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    s = "-".join(filter(None, "".join(out).split("-")))
    return s


def approx_key(text):
    """Glossary's match key for plain Latin text: lowercase letters and digits, then the
    romanization rules of Data/variants.txt (y after a vowel, word-final y)."""
    words = []
    for word in text.lower().replace("-", " ").split():
        w = "".join(ch for ch in word if ch.isalnum())
        out = []
        for i, ch in enumerate(w):
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if ch == "y" and not nxt and prev == "i":
                continue
            if ch == "y" and not nxt and prev == "y":
                continue
            if ch == "y" and prev and prev in "aeiou" and (not nxt or nxt not in "aeiou"):
                out.append("i")
            elif ch == "y" and not nxt and prev and prev not in "aeiou":
                out.append("i")
            else:
                out.append(ch)
        words.append("".join(out))
    return "".join(words)


def synthetic_names(rng, count):
    """Unique synthetic concept names, mixed styles."""
    seen = set()
    names = []
    while len(names) < count:
        kind = rng.randrange(5)
        if kind == 0:
            name = f"{rng.choice(ID_FIRST)} {rng.choice(ID_LAST)}{rng.choice(['', 'wan', 'ningrat', 'putra', 'jaya'])}"
        elif kind == 1:
            name = f"{rng.choice(RU_FIRST)} {rng.choice(RU_ROOTS)}{rng.choice(RU_ENDS)}"
        elif kind == 2:
            name = f"{rng.choice(PY_SYL).capitalize()} {rng.choice(PY_SYL).capitalize()}{rng.choice(PY_SYL)}"
        elif kind == 3:
            name = f"{rng.choice(ORG_HEAD)} {rng.choice(ORG_TAIL)} {''.join(rng.choice(PLACE_SYL) for _ in range(3)).capitalize()}"
        else:
            name = "".join(rng.choice(PLACE_SYL) for _ in range(rng.randrange(3, 5))).capitalize()
        key = approx_key(name)
        if key in seen:
            continue
        seen.add(key)
        names.append(name)
    return names


def read_shipped():
    header, rows = None, []
    with open(SHIPPED, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if header is None:
                header = line
                continue
            rows.append(line.split("\t"))
    return header, rows


def canonical_map(rows):
    """concept id -> preferred English full term, for the peers' replacements."""
    canon = {}
    for r in rows:
        if len(r) >= 5 and r[1] == "en" and r[3] == "full" and r[4].startswith("pref"):
            canon[r[0]] = r[2]
    return canon


def write_table(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Benchmark table generated by Benchmarks/generate.py\n")
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    canon = canonical_map(rows)
    with open(path.replace(".tsv", ".pairs"), "w", encoding="utf-8") as f:
        for r in rows:
            if r[3] != "context":
                f.write(f"{r[2]}\t{canon.get(r[0], r[2])}\n")


def tables(out, rng):
    header, shipped = read_shipped()
    terms = [r for r in shipped if r[3] != "context"]
    # ~100 rows: whole concepts from the start of the shipped table.
    small, concepts = [], []
    for r in shipped:
        if r[0] not in concepts:
            if len([x for x in small if x[3] != "context"]) >= 100:
                break
            concepts.append(r[0])
        small.append(r)
    # Shared spellings need their partners: drop shared rows whose partner is missing.
    small = [r for r in small if "+" not in r[4]]
    write_table(os.path.join(out, "terms-100.tsv"), header, small)
    shipped_keys = {approx_key(r[2]) for r in shipped}
    names = [n for n in synthetic_names(rng, 60000) if approx_key(n) not in shipped_keys]
    for size in (10_000, 100_000):
        rows = list(shipped)
        taken = set(shipped_keys)
        count = len(terms)
        i = 0
        while count < size:
            name = names[i]
            i += 1
            cid = "syn-" + slug(name)
            taken.add(approx_key(name))
            rows.append([cid, "en", name, "full", "pref", ""])
            rows.append([cid, "id", name, "full", "pref", ""])
            count += 2
            surname = name.split(" ")[-1]
            if count < size and " " in name and not name.startswith(tuple(ORG_HEAD)) and approx_key(surname) not in taken:
                taken.add(approx_key(surname))
                rows.append([cid, "en", surname, "short", "pref", ""])
                count += 1
        write_table(os.path.join(out, f"terms-{size // 1000}k.tsv"), header, rows)
    return names


def corpus(out, rng, megabytes, names):
    path = os.path.join(out, "corpus.txt")
    target = megabytes * 1_000_000
    written = 0
    fill = lambda slot: {"P": rng.choice(PERSONS), "O": rng.choice(ORGS), "L": rng.choice(PLACES)}[slot]
    synth = names[:2000]

    def sentence():
        r = rng.random()
        if r < 0.55:
            t = rng.choice(TEMPLATES_ID)
        elif r < 0.85:
            t = rng.choice(TEMPLATES_EN)
        else:
            return rng.choice(FILLER)
        s = ""
        i = 0
        while i < len(t):
            if t[i] == "{":
                slot = t[i + 1]
                value = fill(slot) if rng.random() < 0.8 else rng.choice(synth)
                s += value
                i += 3
            else:
                s += t[i]
                i += 1
        if rng.random() < 0.02:
            s = s.upper()
        return s

    with open(path, "w", encoding="utf-8") as f:
        big_lines_left = 3
        while written < target:
            if big_lines_left and written > target * big_lines_left / 4:
                big_lines_left -= 1
                parts, size = [], 0
                while size < 1_000_000:
                    s = sentence()
                    parts.append(s)
                    size += len(s.encode()) + 1
                line = " ".join(parts)
            else:
                line = " ".join(sentence() for _ in range(rng.randrange(1, 6)))
            data = line + "\n"
            f.write(data)
            written += len(data.encode())
    for mb in (1, 10):
        slice_path = os.path.join(out, f"corpus-{mb}mb.txt")
        with open(path, "rb") as src, open(slice_path, "wb") as dst:
            data = src.read(mb * 1_000_000)
            dst.write(data[: data.rfind(b"\n") + 1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    names = tables(args.out, rng)
    corpus(args.out, rng, args.mb, names)


if __name__ == "__main__":
    main()
