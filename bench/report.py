"""The benchmark's figures: one row per page kind, as a table, in Markdown and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from bench.pages import NO_DB, TARGET, Kind
from bench.probe import Sample
from bench.wrk import WrkResult

COLUMNS = [
    ("Page", "<"),
    ("URLs", ">"),
    ("req/s", ">"),
    ("% no-DB", ">"),
    ("p50 ms", ">"),
    ("p99 ms", ">"),
    ("CPU ms", ">"),
    ("app+db", ">"),
    ("queries", ">"),
    ("bytes/resp", ">"),
]


def row(kind: Kind, samples: list[Sample], result: WrkResult | None, problems: list[str]) -> dict:
    """One page kind's figures; numbers are None where the kind was not measured."""
    queries = [s.queries for s in samples]
    measured = result is not None and result.requests > 0
    return {
        "kind": kind.name,
        "label": kind.label,
        "urls": len(kind.paths),
        "note": kind.note,
        "requests": result.requests if result else 0,
        "seconds": round(result.seconds, 3) if result else None,
        "requests_per_second": round(result.requests_per_second, 1) if measured else None,
        "percent_of_no_db": None,
        "latency_ms": (
            {k: round(v / 1000, 2) for k, v in result.latency_us.items()} if measured else None
        ),
        "cpu_ms_per_request": (
            {k: round(v, 2) for k, v in result.cpu_ms_per_request.items()}
            if measured and result.cpu_ms_per_request
            else None
        ),
        "queries_per_request": round(sum(queries) / len(queries), 1) if queries else None,
        "queries_min_max": [min(queries), max(queries)] if queries else None,
        "bytes_per_response": round(result.bytes_per_response) if measured else None,
        "errors": result.errors if result else None,
        "problems": problems,
        "sample": [
            {"path": s.path, "status": s.status, "queries": s.queries, "body_bytes": s.body_bytes}
            for s in samples
        ],
    }


def add_ceiling(rows: list[dict]) -> None:
    """Each row's requests/s as a percentage of the page that touches no database."""
    ceiling = next((r["requests_per_second"] for r in rows if r["kind"] == NO_DB), None)
    for r in rows:
        if ceiling and r["requests_per_second"] is not None:
            r["percent_of_no_db"] = round(100 * r["requests_per_second"] / ceiling, 1)


def _number(value, digits: int = 1, suffix: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{suffix}"


def cells(r: dict) -> list[str]:
    latency = r["latency_ms"] or {}
    cpu = r.get("cpu_ms_per_request") or {}
    return [
        r["kind"] + (" !" if r["problems"] else ""),
        str(r["urls"]),
        _number(r["requests_per_second"]),
        _number(r["percent_of_no_db"], 0, "%"),
        _number(latency.get("p50"), 1),
        _number(latency.get("p99"), 1),
        _number(cpu.get("total"), 1),
        f"{_number(cpu.get('app'), 1)}+{_number(cpu.get('db'), 1)}" if cpu else "–",
        _number(r["queries_per_request"]),
        _number(r["bytes_per_response"], 0),
    ]


def _mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def header(results: dict) -> list[str]:
    load = results["load"]
    server = results["server"]
    wrk = results["wrk"]
    machine = results["machine"]
    imported = f"{load['import_seconds']:.1f} s" if load["import_seconds"] is not None else "–"
    if load["reused"]:
        imported += " (measured when the database was loaded; reused this run)"
    workers = server["memory"]["workers"]
    rss = ", ".join(_mib(w["rss_kib"]) for w in workers) or "–"
    peak = ", ".join(_mib(w["peak_rss_kib"]) for w in workers) or "–"
    git = results["git"]
    version = git["commit"] or "unknown"
    if git["dirty"]:
        version += " with uncommitted changes"
    return [
        f"Meetings: {results['meetings']:,} ({results['published']:,} published), "
        f"seed {results['seed']}",
        f"Import (python -m bench generate --load): {imported}",
        f"gunicorn: {server['workers']} sync workers ({machine['cpus']} CPUs), production "
        f"settings; worker memory (RSS) after the runs: {rss}; peak: {peak}; master: "
        f"{_mib(server['memory']['master']['rss_kib'])}",
        f"wrk: {wrk['threads']} threads, {wrk['connections']} connections, {wrk['duration']} s "
        f"per page kind, over up to {TARGET} URLs per kind; queries counted on "
        f"{results['query_sample']} URLs per kind",
        f"Machine: {machine['cpus']} CPUs, load average {machine['load_average']} before the "
        f"runs, PostgreSQL {machine['postgresql']}, Python {machine['python']}, Django "
        f"{machine['django']}; code {version}; {results['date']}",
    ]


def footer(results: dict) -> list[str]:
    lines = [
        "% no-DB: requests/s as a share of /about/'s, a page that touches no database, served "
        "by the same gunicorn in the same run: the ceiling on this machine.",
        "CPU ms: CPU time per request, of the gunicorn workers (app) and of the PostgreSQL "
        "backends serving them (db), from the processes' own counters over the run: steadier "
        "than req/s on a machine shared with other work.",
        "queries: the mean over the sampled URLs; bytes/resp: headers and body as sent.",
    ]
    lines += [f"{r['kind']}: {r['note']}" for r in results["pages"] if r["note"]]
    for r in results["pages"]:
        if r["problems"]:
            more = len(r["problems"]) - 3
            listed = "; ".join(r["problems"][:3]) + (f" (and {more} more)" if more > 0 else "")
            lines.append(f"{r['kind']}: FAILED: {listed}")
    return lines


def table(results: dict) -> str:
    rows = [[title for title, _ in COLUMNS]] + [cells(r) for r in results["pages"]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(COLUMNS))]
    lines = []
    for n, r in enumerate(rows):
        lines.append(
            "  ".join(
                f"{cell:{align}{width}}"
                for cell, (_, align), width in zip(r, COLUMNS, widths, strict=True)
            ).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def text(results: dict) -> str:
    return "\n".join([*header(results), "", table(results), "", *footer(results)])


def markdown(results: dict) -> str:
    align = {"<": ":---", ">": "---:"}
    lines = [f"# Benchmark: {results['meetings']:,} meetings", ""]
    lines += [f"- {line}" for line in header(results)]
    lines += [
        "",
        "| " + " | ".join(title for title, _ in COLUMNS) + " |",
        "|" + "|".join(align[a] for _, a in COLUMNS) + "|",
    ]
    lines += ["| " + " | ".join(cells(r)) + " |" for r in results["pages"]]
    lines += [""] + [f"- {line}" for line in footer(results)]
    return "\n".join(lines) + "\n"


def write(results: dict, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    name = results["name"]
    as_json = folder / f"{name}.json"
    as_markdown = folder / f"{name}.md"
    as_json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    as_markdown.write_text(markdown(results))
    return as_json, as_markdown
