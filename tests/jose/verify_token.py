#!/usr/bin/env python3
"""Verifies a jointlab certificate token with an independent JOSE library (jwcrypto).

Usage: verify_token.py JWKS_FILE TOKEN

JWKS_FILE is a JWK Set as GET /.well-known/jwks.json serves it; TOKEN a compact JWS. Exits 0
and prints the claims when the key that the token's kid names in the set verifies its EdDSA
signature; exits 1 with the reason on stderr otherwise; 2 on a usage error. Expiry is not
checked.
"""

import json
import sys

from jwcrypto import jwk, jws
from jwcrypto.common import JWException


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        keys = jwk.JWKSet.from_json(f.read())
    token = argv[2]

    signed = jws.JWS()
    try:
        signed.deserialize(token)
        header = signed.jose_header
    except (JWException, ValueError) as e:
        print(f"malformed: {e}", file=sys.stderr)
        return 1
    if header.get("alg") != "EdDSA":
        print(f"unexpected alg {header.get('alg')!r}", file=sys.stderr)
        return 1
    key = keys.get_key(header.get("kid", ""))
    if key is None:
        print(f"unknown key {header.get('kid')!r}", file=sys.stderr)
        return 1
    try:
        signed.verify(key, alg="EdDSA")
    except JWException as e:
        print(f"bad signature: {e}", file=sys.stderr)
        return 1
    print(json.dumps(json.loads(signed.payload), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
