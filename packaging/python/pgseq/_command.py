"""Runs the pgseq executable that this package installed."""
import os
import shutil
import subprocess
from importlib import metadata


class PgSeqError(RuntimeError):
    """pgseq could not be run, or refused the options; the message is pgseq's own one-line error."""


def executable():
    """The path of the pgseq executable: the one pip installed with this package (in the environment's bin/, or the
    user's for ``pip install --user``), else the first pgseq on PATH."""
    try:
        files = metadata.files("pgseq") or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "pgseq" and file.parent.name == "bin":
            path = os.path.normpath(file.locate())
            if os.access(path, os.X_OK):
                return path
    found = shutil.which("pgseq")
    if found is None:
        raise PgSeqError("pgseq: error: the pgseq executable was not found; reinstall the pgseq wheel "
                         "(pip install --force-reinstall pgseq) or put pgseq on PATH")
    return found


def repair_block(schemas=(), tables=(), exclude_schemas=(), exclude_tables=(), links=(), links_file=None,
                 infer_links=True, margin=None):
    """The SQL of ``pgseq repair-block`` with these options: one ``DO`` block that, when it runs, finds the sequences
    in scope and moves each one behind its data past MAX, with the rules of ``pgseq fix``. It connects to nothing."""
    arguments = [executable(), "repair-block"]
    for option, values in (("-n", schemas), ("-t", tables), ("-N", exclude_schemas), ("-T", exclude_tables),
                           ("--link", links)):
        if isinstance(values, str):
            values = [values]
        for value in values:
            arguments += [option, value]
    if links_file is not None:
        arguments += ["--links", os.fspath(links_file)]
    if not infer_links:
        arguments.append("--no-infer-links")
    if margin is not None:
        arguments += ["--margin", str(margin)]
    result = subprocess.run(arguments, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
                            check=False)
    if result.returncode != 0:
        raise PgSeqError(result.stderr.strip() or f"pgseq repair-block exited {result.returncode}")
    return result.stdout
