"""`specgen mock`: an offline fake of the 3Commas API, driven by the IR alone.

    credentials (Apikey and Signature, HMAC-SHA256 or RSA) -> routes (method and path to an endpoint)
    -> params (query string and body to values) -> checks (values against the IR's rules)
    -> answers (the documented example, or a body made from the schema) -> server (HTTP, and
    `MockServer`, a context manager for tests) ; cli wires it to `specgen mock`.

Nothing is imported here, so that registering the subcommand costs other commands nothing.
"""
