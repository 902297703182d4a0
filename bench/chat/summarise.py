#!/usr/bin/env python3
"""Markdown tables from the JSON lines of bench/chat/run.sh: the median over the runs of
each figure, with the single runs in parentheses for the ones the goals are about.

    python3 bench/chat/summarise.py RESULTS_DIR
"""

import json
import pathlib
import re
import statistics
import sys


def load(directory):
    """{connections: [run, ...]}, a run being {kind: line} (groupRound lines left out)."""
    runs = {}
    for path in sorted(pathlib.Path(directory).glob("chat-*-*.jsonl")):
        match = re.match(r"chat-(\d+)-(\d+)\.jsonl", path.name)
        if not match:
            continue
        run = {}
        for line in path.read_text().splitlines():
            try:
                o = json.loads(line)
            except ValueError:
                continue
            run[o.get("kind")] = o
        runs.setdefault(int(match.group(1)), []).append(run)
    return runs


def get(o, dotted):
    for key in dotted.split("."):
        if not isinstance(o, dict) or key not in o:
            return None
        o = o[key]
    return o


def values(runs, kind, dotted):
    out = []
    for run in runs:
        v = get(run.get(kind), dotted)
        if isinstance(v, (int, float)):
            out.append(v)
    return out


def fmt(v, digits=1):
    if v is None:
        return "n/a"
    return f"{v:,.{digits}f}"


def med(runs, kind, dotted, digits=1, singles=False):
    vs = values(runs, kind, dotted)
    if not vs:
        return "n/a"
    text = fmt(statistics.median(vs), digits)
    if singles and len(vs) > 1:
        text += " (" + ", ".join(fmt(v, digits) for v in vs) + ")"
    return text


def ratio(runs, kind, a, b):
    x, y = values(runs, kind, a), values(runs, kind, b)
    if not x or not y or statistics.median(y) == 0:
        return "n/a"
    return fmt(statistics.median(x) / statistics.median(y), 2)


def step(run, name):
    for s in get(run.get("typing"), "steps") or []:
        if s.get("step") == name:
            return s
    return None


def step_values(runs, name, key):
    out = []
    for run in runs:
        v = get(step(run, name), key)
        if isinstance(v, (int, float)):
            out.append(v)
    return out


def step_med(runs, name, key, digits=1, singles=False):
    vs = step_values(runs, name, key)
    if not vs:
        return "n/a"
    text = fmt(statistics.median(vs), digits)
    if singles and len(vs) > 1:
        text += " (" + ", ".join(fmt(v, digits) for v in vs) + ")"
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for n, runs in sorted(load(sys.argv[1]).items()):
        print(f"### {n:,} connections, {len(runs)} runs (median; single runs in parentheses)\n")
        print("| connections | live | failures | refusals | connect s | server RSS KiB/conn |")
        print("|---:|---:|---:|---:|---:|---:|")
        print(f"| {n:,} | {med(runs, 'summary', 'live', 0)} | {med(runs, 'summary', 'failures', 0)} "
              f"| {med(runs, 'summary', 'refusals', 0)} | {med(runs, 'summary', 'connectSeconds')} "
              f"| {med(runs, 'summary', 'rssPerConnKiB')} |\n")

        if any("reads" in r for r in runs):
            print("Reads, one request in flight (ms):\n")
            print("| request | p50 | p99 | max |")
            print("|---|---:|---:|---:|")
            for key, name in (("chatList", "chat.list (limit 200)"),
                              ("historyNewest", "chat.history, newest 50"),
                              ("historyOlder", "chat.history, the 50 before"),
                              ("feedPage", "feed.page (baseline)"), ("ping", "ping (baseline)")):
                print(f"| {name} | {med(runs, 'reads', key + '.p50Ms', 2, True)} "
                      f"| {med(runs, 'reads', key + '.p99Ms', 2)} | {med(runs, 'reads', key + '.maxMs', 2)} |")
            print(f"\nConversations listed: {med(runs, 'reads', 'conversationsListed', 0)}, "
                  f"answer {med(runs, 'reads', 'listBytes', 0)} bytes; messages per history page: "
                  f"{med(runs, 'reads', 'historyMessages', 0)}; chat.list / ping p50: "
                  f"{ratio(runs, 'reads', 'chatList.p50Ms', 'ping.p50Ms')}.\n")

        if any("direct" in r for r in runs):
            print("Direct messages, sent to shown at the other member (ms):\n")
            print("| | p50 | p99 | max |")
            print("|---|---:|---:|---:|")
            for key, name in (("shown", "**sent → shown**"), ("ack", "sender's answer"),
                              ("ping", "ping on the same connections (baseline)")):
                print(f"| {name} | {med(runs, 'direct', key + '.p50Ms', 2, True)} "
                      f"| {med(runs, 'direct', key + '.p99Ms', 2, True)} | {med(runs, 'direct', key + '.maxMs', 2)} |")
            print(f"\n{med(runs, 'direct', 'rate', 0)} messages/s over {med(runs, 'direct', 'pairs', 0)} pairs "
                  f"for {med(runs, 'direct', 'seconds', 0)} s; received {med(runs, 'direct', 'received', 0)} "
                  f"of {med(runs, 'direct', 'sent', 0)}; server CPU {med(runs, 'direct', 'server.serverCpuPct')}%, "
                  f"other CPU {med(runs, 'direct', 'server.otherCpuPct')}%.\n")

        for kind in ("group", "groupSearch"):
            if not any(kind in r for r in runs):
                continue
            members = med(runs, kind, 'members', 0)
            searching = ""
            if kind == "groupSearch":
                searching = (f", while search.query ran at {med(runs, kind, 'search.perSecond', 1)}/s "
                             f"from {med(runs, kind, 'search.searchers', 0)} other connections")
            print(f"One message to {members} members{searching} (each the median of its rounds):\n")
            print("| path | deliveries/s | p50 ms | p99 ms | max ms | sender's answer ms | server CPU µs/delivery |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for path, name in (("chat", "**chat.send** to the conversation"),
                               ("feed", "post.create to a group of the same people (baseline)")):
                print(f"| {name} | {med(runs, kind, path + '.deliveriesPerSec', 0, True)} "
                      f"| {med(runs, kind, path + '.p50Ms', 1, True)} | {med(runs, kind, path + '.p99Ms', 1, True)} "
                      f"| {med(runs, kind, path + '.maxMs', 1)} | {med(runs, kind, path + '.ackMs', 1)} "
                      f"| {med(runs, kind, path + '.serverCpuUsPerDelivery', 1)} |")
            print(f"\nchat / feed: deliveries/s {ratio(runs, kind, 'chat.deliveriesPerSec', 'feed.deliveriesPerSec')}, "
                  f"p99 {ratio(runs, kind, 'chat.p99Ms', 'feed.p99Ms')}, CPU per delivery "
                  f"{ratio(runs, kind, 'chat.serverCpuUsPerDelivery', 'feed.serverCpuUsPerDelivery')}.\n")
            if kind == "groupSearch":
                print(f"The searches meanwhile: {med(runs, kind, 'search.answered', 0)} answered of "
                      f"{med(runs, kind, 'search.sent', 0)} sent, p50 {med(runs, kind, 'search.p50Ms', 1, True)} ms, "
                      f"p99 {med(runs, kind, 'search.p99Ms', 1, True)} ms.")
                if any("group" in r for r in runs):
                    p99 = {}
                    for path in ("chat", "feed"):
                        both = [(get(r.get("groupSearch"), path + ".p99Ms"), get(r.get("group"), path + ".p99Ms"))
                                for r in runs]
                        both = [(a, b) for a, b in both if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b]
                        p99[path] = fmt(statistics.median(a / b for a, b in both), 2) if both else "n/a"
                    print(f"Fan-out p99 while searching / without (median of the runs' ratios): "
                          f"chat {p99['chat']}, feed {p99['feed']}.")
                print()

        if any("typing" in r for r in runs):
            t = next(r["typing"] for r in runs if "typing" in r)
            print(f"Typing and presence, {t.get('typists')} typing (one signal every "
                  f"{t.get('typingIntervalMs')} ms each), every connection watching {t.get('watch')}, "
                  f"presence.set {t.get('presenceRate')}/s in the last step:\n")
            print("| step | server CPU % | server bytes written/s | load received bytes/s | frames/s "
                  "| typing sent / received | typing delivery p50 / p99 ms | presence pushes | other CPU % |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            for name in ("idle", "watching", "typing", "typingPresence"):
                print(f"| {name} | {step_med(runs, name, 'serverCpuPct', 2, True)} "
                      f"| {step_med(runs, name, 'serverWrittenBytesPerSec', 0)} "
                      f"| {step_med(runs, name, 'receivedBytesPerSec', 0)} | {step_med(runs, name, 'receivedFramesPerSec', 0)} "
                      f"| {step_med(runs, name, 'typingSent', 0)} / {step_med(runs, name, 'typingReceived', 0)} "
                      f"| {step_med(runs, name, 'typingDelivery.p50Ms', 2)} / {step_med(runs, name, 'typingDelivery.p99Ms', 2)} "
                      f"| {step_med(runs, name, 'presenceReceived', 0)} | {step_med(runs, name, 'otherCpuPct')} |")
            print(f"\npresence.watch answers ({med(runs, 'typing', 'watchAnswer.n', 0)}, 200 in flight): "
                  f"p50 {med(runs, 'typing', 'watchAnswer.p50Ms')} ms, p99 {med(runs, 'typing', 'watchAnswer.p99Ms')} ms.\n")

        if any("search" in r for r in runs):
            print("search.query, one request in flight (ms; results: median of the page sizes):\n")
            print("| query | p50 | p95 | p99 | max | results | p50 / ping |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for key, name in (("oneRare", "one rare word"), ("oneCommon", "one common word"),
                              ("oneCommonNewest", "one common word, newest first"),
                              ("two", "two words"), ("three", "three words"),
                              ("prefix", "a word being typed (4 letters, prefix)"),
                              ("ping", "ping (baseline)")):
                print(f"| {name} | {med(runs, 'search', key + '.p50Ms', 2, True)} "
                      f"| {med(runs, 'search', key + '.p95Ms', 2, True)} | {med(runs, 'search', key + '.p99Ms', 2)} "
                      f"| {med(runs, 'search', key + '.maxMs', 2)} | {med(runs, 'search', key + '.results', 0)} "
                      f"| {ratio(runs, 'search', key + '.p50Ms', 'ping.p50Ms')} |")
            print()


if __name__ == "__main__":
    main()
