#!/usr/bin/env python3
"""Concurrent evidence creates through the gateway, for bench/kill-restart.sh.

  evidence_writers.py GATEWAY APPRENTICE_ID TOKEN_CMD LOG STOP_FILE [WRITERS] [TIMEOUT_S]

Each writer thread POSTs an evidence item, in a loop, until STOP_FILE exists. Every answer (or failure) is one
line of LOG:  <start epoch s> <end epoch s> <status|refused|timeout|error> <evidence id or ->
A 201 with an id is an acknowledged write. The token is refreshed with TOKEN_CMD (a shell command printing one)
every 60 s; when that fails (Keycloak down) the old token is kept.
"""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

gateway, apprentice, token_cmd, log_path, stop_file = sys.argv[1:6]
writers = int(sys.argv[6]) if len(sys.argv) > 6 else 4
timeout = float(sys.argv[7]) if len(sys.argv) > 7 else 30.0

token = {"value": subprocess.check_output(token_cmd, shell=True, text=True).strip(), "at": time.time()}
token_lock = threading.Lock()
log_lock = threading.Lock()
log = open(log_path, "a", buffering=1)
url = f"{gateway}/api/v1/apprentices/{apprentice}/evidence"


def current_token():
    with token_lock:
        if time.time() - token["at"] > 60:
            token["at"] = time.time()
            try:
                token["value"] = subprocess.check_output(
                    token_cmd, shell=True, text=True, stderr=subprocess.DEVNULL, timeout=20).strip()
            except Exception:
                pass  # Keycloak down: keep the old token (valid for its lifetime)
        return token["value"]


def writer(n):
    i = 0
    while not os.path.exists(stop_file):
        i += 1
        body = json.dumps({"kind": "file", "title": f"kill-restart w{n} #{i}", "ksbCodes": ["K1"]}).encode()
        req = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": "Bearer " + current_token(), "Content-Type": "application/json"})
        start = time.time()
        status, ident = "error", "-"
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                status = str(resp.status)
                if resp.status == 201:
                    ident = json.load(resp).get("id", "-")
        except urllib.error.HTTPError as e:
            status = str(e.code)
        except urllib.error.URLError as e:
            reason = str(e.reason)
            status = "refused" if "refused" in reason.lower() else ("timeout" if "timed out" in reason else "error")
        except TimeoutError:
            status = "timeout"
        except Exception:
            status = "error"
        end = time.time()
        with log_lock:
            log.write(f"{start:.3f} {end:.3f} {status} {ident}\n")
        if status not in ("201",):
            time.sleep(0.05)  # do not spin on a refused connection


threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(writers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
