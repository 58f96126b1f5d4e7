"""`specgen diff`: two versions of the API, read into IRs and compared, each change classified for SDK
callers. One module per stage, named after what it produces:

    sides (load: docs, IR, spec folder, git:REV; git_revision reads git) -> pairs (match endpoints and
    entities) -> api_changes / field_changes / attributes (compare; rules classify) -> model.DiffReport
    -> text_report, markdown_report, json_report (diff-v1.schema.json) ; cli wires it to `specgen diff`.

Nothing is imported here: `specgen` loads `changes.cli` for every command, and the comparison pulls in
the parser, which only `diff` needs.
"""
