#!/usr/bin/python3
"""Draws the panels of the news dashboard (deploy/grafana/dashboards/news.json)
to one PNG, from the same SQL Grafana would run, so that a person can see
what the dashboard shows without a Grafana server (Debian packages none).

    scripts/render_news.py DATABASE_URL OUT.png [--from ISO] [--to ISO]

Grafana's macros ($__timeFilter, $__timeFrom, $__timeTo, $__timeGroupAlias)
and the dashboard's variables are expanded as Grafana expands them; the
time range defaults to the articles' own (oldest to newest). Queries run
through psql, as whichever role the URL names (tidings_reader in
`make news-png`). Needs Debian's python3-matplotlib.
"""

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DASHBOARD = Path(__file__).resolve().parent.parent / "deploy/grafana/dashboards/news.json"
INTERVALS = {"1d": 86400, "1h": 3600, "1m": 60}


def psql(url, sql):
    """Rows of `sql` as lists of strings, with the header first."""
    out = subprocess.run(
        ["psql", url, "--csv", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return list(csv.reader(io.StringIO(out)))


def expand(sql, start, end, variables):
    sql = sql.replace("$__timeFrom()", f"'{start}'").replace("$__timeTo()", f"'{end}'")
    sql = re.sub(r"\$__timeFilter\(([^)]*)\)", lambda m: f"{m.group(1)} BETWEEN '{start}' AND '{end}'", sql)

    def group(match):
        column, interval = match.group(1).rsplit(",", 1)
        seconds = INTERVALS[interval.strip().strip("'")]
        return f'floor(extract(epoch from {column.strip()})/{seconds})*{seconds} AS "time"'

    sql = re.sub(r"\$__timeGroupAlias\((.*?\)?[^)]*)\)", group, sql)
    for name, value in variables.items():
        sql = sql.replace("${" + name + "}", value).replace("$" + name, value)
    if "$" in sql:
        sys.exit(f"unexpanded macro or variable in:\n{sql}")
    return sql


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def draw_table(ax, rows, title):
    ax.axis("off")
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
    header, body = rows[0], rows[1:13]
    cells = [[value[:38] for value in row] for row in body] or [["(no rows)"] + [""] * (len(header) - 1)]
    table = ax.table(cellText=cells, colLabels=header, loc="upper left", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    table.scale(1, 1.1)


def right_axis_fields(panel):
    """Fields the panel's overrides put on the right axis."""
    names = set()
    for override in panel.get("fieldConfig", {}).get("overrides", []):
        for prop in override.get("properties", []):
            if prop.get("id") == "custom.axisPlacement" and prop.get("value") == "right":
                names.add(override["matcher"]["options"])
    return names


def draw_series(ax, rows, title, bars, right=()):
    header, body = rows[0], rows[1:]
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
    if not body:
        ax.text(0.5, 0.5, "(no rows)", ha="center")
        return
    from datetime import datetime, timezone

    def when(value):
        seconds = number(value)
        if seconds is not None:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        return datetime.fromisoformat(value.replace(" ", "T").replace("+00", "+00:00"))

    times = [when(row[0]) for row in body]
    if "metric" in header:
        # Long format: time, metric, value.
        m, v = header.index("metric"), len(header) - 1
        series = {}
        for t, row in zip(times, body):
            series.setdefault(row[m], {})[t] = number(row[v]) or 0
        bottom = {}
        for name, points in sorted(series.items()):
            xs = sorted(points)
            ys = [points[x] for x in xs]
            if bars:
                base = [bottom.get(x, 0) for x in xs]
                ax.bar(xs, ys, bottom=base, label=name, width=0.8)
                for x, y in zip(xs, ys):
                    bottom[x] = bottom.get(x, 0) + y
            else:
                ax.plot(xs, ys, label=name)
    else:
        other = ax.twinx() if any(name in right for name in header[1:]) else None
        for i, name in enumerate(header[1:], start=1):
            values = [number(row[i]) for row in body]
            if other is not None and name in right:
                other.bar(times, values, label=name, color="lightgrey", width=0.8)
                other.set_ylabel(name, fontsize=7)
                other.tick_params(labelsize=7)
                ax.set_zorder(other.get_zorder() + 1)
                ax.patch.set_visible(False)
            else:
                ax.plot(times, values, marker="o", markersize=3, label=name)
                ax.set_ylabel(name if other is not None else "", fontsize=7)
    ax.legend(fontsize=7)
    ax.tick_params(labelsize=7)
    for label in ax.get_xticklabels():
        label.set_rotation(30)


def draw_map(ax, rows, title):
    header, body = rows[0], rows[1:]
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
    ax.set_xlim(-180, 180)
    ax.set_ylim(-70, 80)
    ax.grid(True, linewidth=0.3)
    ax.set_xlabel("longitude", fontsize=7)
    ax.set_ylabel("latitude", fontsize=7)
    if not body:
        return
    lat, lon, name = header.index("latitude"), header.index("longitude"), header.index("location_name")
    count, tone = header.index("events"), header.index("goldstein")
    xs = [float(r[lon]) for r in body]
    ys = [float(r[lat]) for r in body]
    sizes = [20 + 15 * float(r[count]) for r in body]
    colours = [number(r[tone]) or 0 for r in body]
    points = ax.scatter(xs, ys, s=sizes, c=colours, cmap="RdYlGn", vmin=-10, vmax=10, alpha=0.8)
    for r, x, y in zip(body, xs, ys):
        ax.annotate(r[name], (x, y), fontsize=6, xytext=(3, 3), textcoords="offset points")
    plt.colorbar(points, ax=ax, label="mean Goldstein")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("out")
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")
    args = parser.parse_args()
    dashboard = json.loads(DASHBOARD.read_text())
    if not (args.start and args.end):
        rows = psql(
            args.database_url,
            "SELECT to_char(min(published_at) - interval '1 day', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
            " to_char(max(published_at) + interval '1 minute', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM articles",
        )
        start, end = rows[1]
        args.start, args.end = args.start or start, args.end or end
    variables = {}
    for variable in dashboard["templating"]["list"]:
        rows = psql(args.database_url, expand(variable["query"], args.start, args.end, {}))
        if variable.get("includeAll"):
            variables[variable["name"]] = variable["allValue"]
        elif len(rows) > 1:
            variables[variable["name"]] = rows[1][0]
        else:
            sys.exit(f"variable {variable['name']} offers nothing: is the read model empty?")
    panels = dashboard["panels"]
    columns = 2
    lines = (len(panels) + columns - 1) // columns
    figure, axes = plt.subplots(lines, columns, figsize=(16, 4.2 * lines))
    figure.suptitle(
        f"{dashboard['title']} — {args.start[:10]} to {args.end[:10]}"
        f" — entity: {variables.get('entity', '')}, country: {variables.get('country', '')}",
        fontsize=13,
    )
    for ax, panel in zip(axes.flat, panels):
        title = panel["title"].replace("$entity", variables.get("entity", ""))
        rows = psql(args.database_url, expand(panel["targets"][0]["rawSql"], args.start, args.end, variables))
        if panel["type"] == "table":
            draw_table(ax, rows, title)
        elif panel["type"] == "geomap":
            draw_map(ax, rows, title)
        else:
            bars = panel.get("fieldConfig", {}).get("defaults", {}).get("custom", {}).get("drawStyle") == "bars"
            draw_series(ax, rows, title, bars, right_axis_fields(panel))
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    figure.savefig(args.out, dpi=90)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
