"""What the report needs from a C source file: comments (for suppressions),
the code without them (for fingerprints), and the function around a line.

Pure text work, no parser: comments and literals are found with one regex,
braces are counted in the code with literals blanked out. It is meant to
be robust (any file, even one that does not compile), not exact.
"""
import re

# A comment, a string literal or a character literal, whichever comes first.
_LEX = re.compile(r'//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:\\.|[^"\\\n])*"?|\'(?:\\.|[^\'\\\n])*\'?',
                  re.S)
_IDENT = re.compile(r"[A-Za-z_]\w*")
# Macros that look like calls before a definition's parameter list.
_ATTR = re.compile(r"^(__attribute__|__attribute|__section|__aligned|__printf|__scanf|"
                   r"__must_hold|__acquires|__releases|__cond_acquires|__diag\w*|"
                   r"__no_sanitize\w*|__alloc_size|__malloc|__counted_by|"
                   r"__(?:no_)?context__|__free|__cleanup|DEFINE_\w+_ATTR)$")
_NOT_FUNC = {"if", "for", "while", "switch", "return", "sizeof", "do", "else",
             "struct", "union", "enum", "typeof", "__typeof__", "asm", "__asm__"}


class Source:
    """One file's text, split into code and comments, by line (1-based)."""

    def __init__(self, text):
        self.text = text
        self.comments = []  # (first line, last line, body)
        code, pos, line = [], 0, 1
        for m in _LEX.finditer(text):
            code.append(text[pos:m.start()])
            tok = m.group(0)
            nl = tok.count("\n")
            if tok.startswith(("//", "/*")):
                self.comments.append((line + text.count("\n", pos, m.start()),
                                      line + text.count("\n", pos, m.start()) + nl,
                                      tok))
                # A comment is white space; its newlines stay.
                code.append(" " + "\n" * nl)
            else:
                # blanked for the braces (kept for fingerprints), newlines
                # of a continued string kept
                code.append(tok[0] + re.sub(r"[^\n]", " ", tok[1:-1]) + tok[-1:])
            line += text.count("\n", pos, m.start()) + nl
            pos = m.end()
        code.append(text[pos:])
        self.code = "".join(code)  # literals blanked, comments gone
        self.code_lines = self.code.split("\n")
        # The code with literals kept (for the normalized snippet).
        self._lit_lines = _strip_comments(text).split("\n")
        self._funcs = None

    def snippet(self, line):
        """The normalized code around LINE: that line and the nearest code
        line before and after it, white space and comments removed."""
        lines = self._lit_lines
        norm = lambda i: re.sub(r"\s+", "", lines[i - 1]) if 0 < i <= len(lines) else ""
        before = line - 1
        while before > 0 and not norm(before):
            before -= 1
        after = line + 1
        while after <= len(lines) and not norm(after):
            after += 1
        return "|".join((norm(before), norm(line), norm(after)))

    def function_at(self, line):
        """The name of the function whose body holds LINE, or ''."""
        if self._funcs is None:
            self._funcs = _functions(self.code)
        for first, last, name in self._funcs:
            if first <= line <= last:
                return name
        return ""


def _strip_comments(text):
    return _LEX.sub(lambda m: (" " + "\n" * m.group(0).count("\n"))
                    if m.group(0).startswith(("//", "/*")) else m.group(0), text)


def _functions(code):
    """(first line, last line, name) of each top-level brace block that is a
    function body. The header is the code between the previous top-level
    ';', '}' or preprocessor line and the '{'."""
    out = []
    depth, header, start_line, name = 0, [], 0, ""
    line, cpp, conds = 1, False, []
    for raw in code.split("\n"):
        # Preprocessor lines (continued ones too) are no code; the #else and
        # #elif branches are skipped, so that each brace is counted once.
        directive = raw.lstrip().startswith("#")
        if directive or cpp:
            word = re.match(r"\s*#\s*(\w*)", raw).group(1) if directive else ""
            if word in ("if", "ifdef", "ifndef"):
                conds.append(False)
            elif word in ("else", "elif", "elifdef", "elifndef") and conds:
                conds[-1] = True
            elif word == "endif" and conds:
                conds.pop()
            cpp = raw.rstrip().endswith("\\")
            if depth == 0:
                header = []
            line += 1
            continue
        if any(conds):
            line += 1
            continue
        for ch in raw:
            if depth == 0:
                if ch == "{":
                    name = _function_name("".join(header))
                    start_line = line
                    header = []
                    depth = 1
                elif ch == ";" or ch == "}":
                    header = []
                else:
                    header.append(ch)
            else:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0 and name:
                        out.append((start_line, line, name))
        if depth == 0:
            header.append("\n")
        line += 1
    return out


def _function_name(header):
    """The defined function's name in a definition's header, or ''."""
    if "=" in header.replace("==", "") or re.search(r"\b(struct|union|enum)\s+\w*\s*$",
                                                   header.strip()):
        return ""  # an initializer or a type's body
    # Each top-level parenthesized group and the identifier before it.
    depth, prev_end = 0, 0
    for i, ch in enumerate(header):
        if ch == "(":
            if depth == 0:
                before = _IDENT.findall(header[prev_end:i])
                if before and not _ATTR.match(before[-1]) and before[-1] not in _NOT_FUNC:
                    return before[-1]
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
            if depth == 0:
                prev_end = i + 1
    return ""
