"""Print the sorted rule IDs of a SARIF file's results, one line."""
import json
import sys

results = json.load(open(sys.argv[1]))["runs"][0]["results"]
print(" ".join(sorted({r["ruleId"] for r in results})))
