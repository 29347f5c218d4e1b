"""The kbound lit suite's test format (a module, so that lit's worker
processes can unpickle it): lit's ShTest with %s, %S, %p, %t and %T quoted
for the shell, as test/lit.cfg.py quotes its own substitutions. The checkout
may live in a folder with spaces, quotes or '$' in its name."""
import os
import shlex

import lit.formats
import lit.TestRunner


def sh(path):
    """PATH as one shell word, whatever it contains. lit applies
    substitutions with re.sub, so a backslash in the result is doubled."""
    return shlex.quote(path).replace("\\", "\\\\")


class QuotedShTest(lit.formats.ShTest):
    """ShTest whose path substitutions are quoted. They run before lit's own
    (which would insert the bare paths), and only where no letter follows
    (%spatch, %t_... are not %s, %t)."""

    def execute(self, test, litConfig):
        tmp_dir, tmp_base = lit.TestRunner.getTempPaths(test)
        src = test.getSourcePath()
        paths = [("s", src), ("S", os.path.dirname(src)),
                 ("p", os.path.dirname(src)), ("t", tmp_base + ".tmp"),
                 ("T", tmp_dir)]
        extra = [("%%%s(?![A-Za-z_{])" % k, sh(v)) for k, v in paths]
        return lit.TestRunner.executeShTest(
            test, litConfig, self.execute_external, extra,
            self.preamble_commands)
