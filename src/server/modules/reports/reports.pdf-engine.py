"""A warm LibreOffice for the report PDFs (decision 031), driven by reports.pdf.ts.

Starts soffice headless with the profile given, listening on a private pipe, connects to it through
UNO (Debian's python3-uno) and converts one document per line read on stdin:
    {"input": "/abs/report.docx", "output": "/abs/report.pdf"}
answering one line on stdout: {"ok": true} or {"ok": false, "error": "..."}. The first line written
is {"ready": true} once LibreOffice answers (or {"ready": false, "error": ...}, then it exits).

soffice is this process's child and stays in its process group, which the server kills as a whole
(timeout, abort, shutdown, crash clean-up at the next start). When stdin closes (the server
stopped the engine, or died), soffice is terminated, the engine's folder (the profile's parent,
with its drafts) removed and the script ends.
"""

import json
import os
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def answer(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    soffice, profile, pipe = sys.argv[1], sys.argv[2], sys.argv[3]
    try:
        office = subprocess.Popen(
            [
                soffice,
                "-env:UserInstallation=" + profile,
                "--headless",
                "--invisible",
                "--norestore",
                "--nolockcheck",
                "--nodefault",
                "--nologo",
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        answer({"ready": False, "missing": True, "error": "%s not found" % soffice})
        return 1

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    # A fresh profile takes LibreOffice a few seconds to write; the server's timeout bounds the wait.
    while context is None:
        if office.poll() is not None:
            answer({"ready": False, "error": "soffice exited %s on start" % office.returncode})
            return 1
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    answer({"ready": True})

    for line in sys.stdin:
        if not line.strip():
            continue
        document = None
        try:
            job = json.loads(line)
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(job["input"]),
                "_blank",
                0,
                (prop("Hidden", True), prop("ReadOnly", True), prop("UpdateDocMode", 0)),
            )
            if document is None:
                raise RuntimeError("LibreOffice could not open the document")
            document.storeToURL(
                uno.systemPathToFileUrl(job["output"]), (prop("FilterName", "writer_pdf_Export"),)
            )
            answer({"ok": True})
        except Exception as error:  # noqa: BLE001 - every failure is the one job's answer
            answer({"ok": False, "error": str(error)[:500]})
            # LibreOffice itself gone (crashed, killed): the engine ends, and the server starts another.
            if office.poll() is not None or "disposed" in str(error):
                office.kill()
                return 1
        finally:
            if document is not None:
                try:
                    document.close(True)
                except Exception:
                    pass

    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=10)
    except subprocess.TimeoutExpired:
        office.kill()
    shutil.rmtree(os.path.dirname(uno.fileUrlToSystemPath(profile)), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
