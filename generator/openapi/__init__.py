"""OpenAPI 3.1 export of the IR: `specgen openapi`, and `specgen build --openapi PATH`.

`document.openapi_document(ir, diagnostics)` builds the document, `document.openapi_text` renders it;
`names.operation_id` and `names.tags` are the only places that name operations. Nothing is imported
here, so that registering the subcommand costs `specgen check` nothing.
"""
