#!/usr/bin/env python3
"""Merge the kbound-facts files of a tree into one SQLite database.

usage: kbound-facts-db.py DB FACTS_DIR
       kbound-facts-db.py --show DB      (the summaries and release facts)

FACTS_DIR holds one file per translation unit (*.tsv, written by the
kbound-facts plugin action, see docs/facts-db.md). The database is rebuilt
from them: a unit whose file did not change since the last build is read
again (reading is cheap; extraction is what the scanner skips), then the
summaries are composed across files until they stop changing, and the
`summary` rows the checker reads are derived.

Composition: F calls G on every path, passing an object rooted at F's
parameter p as G's argument a; every unconditional effect G has on a becomes
F's effect on p. A static G is looked up in F's own file first.

Exit status 0, or 2 with a message when a file cannot be read or written.
"""
import os
import sqlite3
import sys

SCHEMA = """
CREATE TABLE units(unit TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER);
CREATE TABLE functions(name TEXT, static INTEGER, file TEXT, line INTEGER,
                       ret TEXT, unit TEXT);
CREATE TABLE effects(fn TEXT, file TEXT, param INTEGER, role TEXT,
                     family TEXT, cond INTEGER, line INTEGER, path TEXT,
                     via TEXT);
CREATE TABLE calls(fn TEXT, file TEXT, param INTEGER, callee TEXT,
                   arg INTEGER, cond INTEGER, line INTEGER, path TEXT);
CREATE TABLE releases(record TEXT, frees_container INTEGER, file TEXT);
CREATE TABLE release_members(record TEXT, member TEXT, file TEXT);
CREATE TABLE empty_releases(record TEXT, release TEXT, file TEXT);
CREATE TABLE caller_puts(callee TEXT, arg INTEGER, file TEXT);
CREATE TABLE regdata_creations(name TEXT, tag TEXT, tag_type TEXT,
                               external INTEGER, file TEXT, line INTEGER);
CREATE TABLE summary(name TEXT, static INTEGER, file TEXT, role TEXT,
                     family TEXT, arg INTEGER, path TEXT, fail TEXT);
CREATE INDEX summary_name ON summary(name);
CREATE INDEX effects_fn ON effects(fn, file);
CREATE INDEX functions_name ON functions(name);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
"""
FORMAT = "#kbound-facts 2"
# Roles a summary row may have, and the failure convention it implies.
SETUP = {"Init", "Add", "InitAdd"}
TEARDOWN = {"Del", "Put", "DelPut", "Destroy"}
BOUND = 8	# composition rounds (a call chain this deep is summarized)


def die(msg):
    print("kbound-facts-db: error: " + msg, file=sys.stderr)
    sys.exit(2)


def read_unit(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if not lines or lines[0] != FORMAT:
        die("%s: not a kbound-facts file (first line %r)" %
            (path, lines[0][:40] if lines else ""))
    file_of = {}	# function -> its file, for this unit
    rows = {"F": [], "E": [], "C": [], "RH": [], "RM": [], "RE": [],
            "TR": [], "P": []}
    for ln in lines[1:]:
        if not ln:
            continue
        cols = ln.split("\t")
        if cols[0] in rows:
            rows[cols[0]].append(cols[1:])
    for name, static, file, line, ret in rows["F"]:
        file_of[name] = file
    return rows, file_of


def combine(roles):
    """One API role for an ordered list of unconditional effects, or None."""
    out = []
    for r in roles:
        if out and (out[-1], r) in (("Init", "Add"), ("Del", "Put")):
            out[-1] = {"Init": "InitAdd", "Del": "DelPut"}[out[-1]]
        elif not out or out[-1] != r:
            out.append(r)
    return out[0] if len(out) == 1 else None


def build(db, facts_dir):
    units = sorted(n for n in os.listdir(facts_dir) if n.endswith(".tsv"))
    tmp = db + ".tmp"
    if os.path.exists(tmp):
        os.unlink(tmp)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    for u in units:
        path = os.path.join(facts_dir, u)
        st = os.stat(path)
        rows, file_of = read_unit(path)
        con.execute("INSERT INTO units VALUES (?,?,?)",
                    (u, st.st_mtime_ns, st.st_size))
        for name, static, file, line, ret in rows["F"]:
            con.execute("INSERT INTO functions VALUES (?,?,?,?,?,?)",
                        (name, int(static), file, int(line), ret, u))
        for fn, p, role, fam, cond, line, path in rows["E"]:
            con.execute("INSERT INTO effects VALUES (?,?,?,?,?,?,?,?,NULL)",
                        (fn, file_of.get(fn, ""), int(p), role, fam,
                         int(cond), int(line), path))
        for fn, p, callee, arg, cond, line, path in rows["C"]:
            con.execute("INSERT INTO calls VALUES (?,?,?,?,?,?,?,?)",
                        (fn, file_of.get(fn, ""), int(p), callee, int(arg),
                         int(cond), int(line), path))
        src = next(iter(file_of.values()), u)
        for rec, frees in rows["RH"]:
            con.execute("INSERT INTO releases VALUES (?,?,?)",
                        (rec, int(frees), src))
        for rec, member in rows["RM"]:
            con.execute("INSERT INTO release_members VALUES (?,?,?)",
                        (rec, member, src))
        for rec, rel in rows["RE"]:
            con.execute("INSERT INTO empty_releases VALUES (?,?,?)",
                        (rec, rel, src))
        for callee, arg in rows["P"]:
            con.execute("INSERT INTO caller_puts VALUES (?,?,?)",
                        (callee, int(arg), src))
        for name, tag, ttype, ext, line in rows["TR"]:
            con.execute("INSERT INTO regdata_creations VALUES (?,?,?,?,?,?)",
                        (name, tag, ttype, int(ext), src, int(line)))
    compose(con)
    summarize(con)
    con.execute("INSERT INTO meta VALUES ('format', '1')")
    con.commit()
    con.close()
    os.replace(tmp, db)
    return len(units)


def definition(con, callee, file):
    """The (name, file) that defines callee as seen from file: a static of
    the same file, else the one external definition (None when there is
    none or several)."""
    r = con.execute("SELECT file FROM functions WHERE name=? AND static=1 "
                    "AND file=?", (callee, file)).fetchone()
    if r:
        return (callee, r[0])
    rs = con.execute("SELECT DISTINCT file FROM functions WHERE name=? AND "
                     "static=0", (callee,)).fetchall()
    return (callee, rs[0][0]) if len(rs) == 1 else None


def join_path(outer, inner):
    """The member path of an object passed as `&p->outer` to a callee that
    acts on `&arg->inner`; '?' when either is unknown."""
    if outer == "?" or inner == "?":
        return "?"
    return ".".join(x for x in (outer, inner) if x)


def compose(con):
    calls = con.execute("SELECT fn, file, param, callee, arg, cond, line, "
                        "path FROM calls").fetchall()
    for _ in range(BOUND):
        added = 0
        for fn, file, p, callee, arg, cond, line, cpath in calls:
            d = definition(con, callee, file)
            if not d:
                continue
            for role, fam, ecnd, epath in con.execute(
                    "SELECT role, family, cond, path FROM effects WHERE fn=? "
                    "AND file=? AND param=?", (d[0], d[1], arg)).fetchall():
                c = 1 if (cond or ecnd) else 0
                path = join_path(cpath, epath)
                if con.execute("SELECT 1 FROM effects WHERE fn=? AND file=? "
                               "AND param=? AND role=? AND line=? AND via=? "
                               "AND path=?",
                               (fn, file, p, role, line, callee,
                                path)).fetchone():
                    continue
                con.execute("INSERT INTO effects VALUES (?,?,?,?,?,?,?,?,?)",
                            (fn, file, p, role, fam, c, line, path, callee))
                added += 1
        if not added:
            return


def summarize(con):
    """The rows the checker reads: one role per function, from the effects
    that run on every path; none where an error path undoes the setup (the
    caller could not tell whether it still owes the teardown)."""
    fns = con.execute("SELECT name, static, file, ret FROM functions")
    for name, static, file, ret in fns.fetchall():
        per = {}
        for p, role, fam, cond, line, path in con.execute(
                "SELECT param, role, family, cond, line, path FROM effects "
                "WHERE fn=? AND file=? ORDER BY line, role", (name, file)):
            per.setdefault(p, []).append((line, role, fam, cond, path))
        rows = []
        for p, effs in per.items():
            always = [e for e in effs if not e[3]]
            role = combine([e[1] for e in always])
            # device_initialize() on every path, device_add() after the
            # early error returns: initialized whatever happens, added on
            # success, as device_register() does.
            if role == "Init" and any(e[3] and e[1] == "Add" and
                                      e[4] == always[0][4] for e in effs):
                role = "InitAdd"
            fams = {e[2] for e in always}
            paths = {e[4] for e in always}
            if not role or len(fams) != 1 or len(paths) != 1 or "?" in paths:
                continue
            undone = any(e[3] and e[1] in TEARDOWN for e in effs)
            if role in SETUP and any(e[3] and e[1] == "Free" for e in effs):
                continue	# a kfree() on an error path: no convention
            if role in ("InitAdd", "Add"):
                if ret != "int":
                    continue
                # device_register(), then a put or unregister on error
                # paths: the function drops the device itself when it
                # fails (vmbus_device_register()).
                fail = "IntPut" if undone and role == "InitAdd" else "Int"
                if undone and role != "InitAdd":
                    continue
            elif role in SETUP and undone:
                continue
            else:
                fail = "None"
            rows.append((name, static, file, role, fams.pop(), p,
                         paths.pop(), fail))
        if len(rows) == 1:
            con.execute("INSERT INTO summary VALUES (?,?,?,?,?,?,?,?)",
                        rows[0])


def show(db):
    if not os.path.isfile(db):
        die("no database %s" % db)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        for row in con.execute("SELECT name, role, family, arg, path, fail, "
                               "file FROM summary ORDER BY name, file"):
            print("summary %s: %s %s arg %d path '%s' fail %s (%s)" % row)
        for row in con.execute("SELECT record, frees_container, file FROM "
                               "releases ORDER BY record, file"):
            print("release struct %s: %s (%s)" % (
                row[0], "frees it" if row[1] else "frees nothing of it",
                row[2]))
        for row in con.execute("SELECT record, member FROM release_members "
                               "ORDER BY record, member"):
            print("release struct %s: frees member %s" % row)
        for row in con.execute("SELECT record, release FROM empty_releases "
                               "ORDER BY record, release"):
            print("release struct %s: %s() is empty" % row)
        for row in con.execute("SELECT name, tag, tag_type, file, line FROM "
                               "regdata_creations ORDER BY name, file, line"):
            print("creation %s: tag %s (%s) at %s:%d" % row)
        for row in con.execute("SELECT DISTINCT callee, arg FROM caller_puts "
                               "ORDER BY callee, arg"):
            print("callers of %s put argument %d when it fails" % row)
    except sqlite3.Error as e:
        die("%s: %s (not a kbound facts database?)" % (db, e))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--show":
        return show(sys.argv[2])
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    db, facts_dir = sys.argv[1], sys.argv[2]
    if not os.path.isdir(facts_dir):
        die("no facts folder %s" % facts_dir)
    try:
        n = build(db, facts_dir)
    except (OSError, sqlite3.Error) as e:
        die("%s: %s" % (db, e))
    con = sqlite3.connect(db)
    s = con.execute("SELECT count(*) FROM summary").fetchone()[0]
    r = con.execute("SELECT count(*) FROM releases").fetchone()[0]
    con.close()
    print("kbound-facts-db: %d units, %d function summaries, %d release "
          "facts -> %s" % (n, s, r, db), file=sys.stderr)


if __name__ == "__main__":
    main()
