#!/usr/bin/env python3
"""A SenseID client in Python: encrypt a video with AES-256-GCM (the `cryptography` package), post it, print the answer.

    python3 liveness_client.py http://127.0.0.1:8080 selfie.mp4
    python3 liveness_client.py --test-vector      (prints the manual's test vector: 7EWZ/NONkYfOjH/m+K3KKsDO4CZ/)

Key and IV from PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV, else the manual's published defaults.
Debian: apt-get install python3-cryptography (or pip install cryptography).
"""
import base64
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ROUTE = "/liveness/silent_detection/stateless"


def encrypt(video: bytes, key: str, iv: str) -> str:
    """AES-256-GCM, key and IV as UTF-8, the 128-bit tag appended (as Java's AES/GCM/NoPadding), no AAD, Base64."""
    return base64.b64encode(AESGCM(key.encode("utf-8")).encrypt(iv.encode("utf-8"), video, None)).decode("ascii")


def main(args: list[str]) -> int:
    key = os.environ.get("PARAM_DECRYPT_KEY", "dcbbad6765e14139a07d34b92292a672")
    iv = os.environ.get("PARAM_DECRYPT_IV", "df25d188a061")
    if args == ["--test-vector"]:
        print(encrypt(b"hello", key, iv))
        return 0
    if len(args) != 2:
        print("usage: liveness_client.py URL VIDEO | --test-vector", file=sys.stderr)
        return 2

    url, video = args
    with open(video, "rb") as file:
        encrypted = encrypt(file.read(), key, iv)
    body = urllib.parse.urlencode({
        "encrypted_video": encrypted,
        "return_status": "true",
        "return_image": "false",
        "return_face_image": "false",
    }).encode("ascii")
    request = urllib.request.Request(url.rstrip("/") + ROUTE, data=body,
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            print(response.read().decode("utf-8"))
            return 0
    except urllib.error.HTTPError as error:
        # Error answers carry the contract's JSON body too.
        print(error.read().decode("utf-8"))
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
