"""Print what code scanning reads from a kbound SARIF file, one fact a line
(for FileCheck): the tool, each rule's descriptions and URIs, each result's
location, fingerprint, tools, code flow and related locations, and whether
the tree's absolute path appears anywhere but in originalUriBaseIds.

    sarif-fields.py FILE TREE
"""
import json
import sys

log = json.load(open(sys.argv[1]))
tree = sys.argv[2]
run = log["runs"][0]
d = run["tool"]["driver"]
print("tool", d["name"], "version", d.get("version"), "semantic", d.get("semanticVersion"))
print("informationUri", d.get("informationUri"))
print("SRCROOT", run["originalUriBaseIds"]["SRCROOT"]["uri"])
for r in d["rules"]:
    ok = all(r.get(k, {}).get("text") for k in ("shortDescription", "fullDescription", "help"))
    print("rule", r["id"], "helpUri", r.get("helpUri"),
          "described" if ok and r["help"].get("markdown") else "UNDESCRIBED")
    if r["id"] == "RL4":
        print("RL4 short:", r["shortDescription"]["text"])
        print("RL4 full:", r["fullDescription"]["text"])
for res in run["results"]:
    loc = res["locations"][0]["physicalLocation"]
    flow = [(l["location"]["physicalLocation"]["region"]["startLine"],
             l["location"].get("message", {}).get("text", ""))
            for cf in res.get("codeFlows", []) for tf in cf["threadFlows"]
            for l in tf["locations"]]
    print("result", res["ruleId"], loc["artifactLocation"].get("uriBaseId"),
          loc["artifactLocation"]["uri"], loc["region"]["startLine"],
          "fp" if res.get("partialFingerprints", {}).get("kbound/v1") else "NOFP",
          "tools=" + ",".join(res.get("properties", {}).get("tools", [])))
    if flow:
        print("  flow", " ".join(str(l) for l, _ in flow))
        print("  flow messages", " | ".join(m for _, m in flow))
    for rel in res.get("relatedLocations", []):
        print("  related", rel["physicalLocation"]["region"]["startLine"],
              rel.get("message", {}).get("text", "")[:40])
    print("  message", res["message"]["text"])
del run["originalUriBaseIds"]
print("tree path elsewhere:", json.dumps(log).count(tree))
