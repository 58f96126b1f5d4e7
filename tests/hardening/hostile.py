"""Pages written to attack the generator: every name, text and value a page can control, carrying
quotes, triple quotes, backslashes, carriage returns, Jinja syntax, Python keywords, dunder names,
names that collide by case or by a unicode look-alike, and paths that try to leave the output folder."""

from __future__ import annotations

EVIL = 'a"b\'c"""d\'\'\'e\\f{{ 7*7 }}{% if 1 %}x{% endif %}\\N{DASH} __import__("os").system("echo pwned")'
HEAD = "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;"


def field(name: str, type_: str = "string", required: bool = False, description: str = EVIL) -> str:
    mark = f'{HEAD}<mark style={{{{color: "orange"}}}}>required</mark>' if required else ""
    return f"   {name}{HEAD}<code>{type_}</code>{mark}\n   {description}\n"


ENDPOINT = (
    "## Evil \"\"\" endpoint '''\\ {{ title }} {% raw %}\n\n"
    f"**Description:** {EVIL}\n\n"
    ":::warning\n" + EVIL + "\n:::\n\n"
    "**Permission:** BOTS_WRITE\n**Security:** SIGNED\n\n"
    "<mark>POST</mark>\n\n<mark>/ver1/__init__/{id}/run</mark>\n\n"
    "### Path Parameters\n\n" + field("id", "integer", required=True) + "\n"
    "### Body Parameters\n\n"
    + "\n".join(
        [
            field("class", required=True),
            field("Type"),
            field(
                "type",
                description='Kind. Allowed values: <code>a"b</code>, <code>\\\\</code>, <code>{{x}}</code>',
            ),
            field("\uff54\uff59\uff50\uff45"),  # fullwidth "type"
            field("__init__"),
            field("__class__"),
            field("self"),
            field("timeout", "integer", description='Seconds. Default: <code>"""</code>'),
            field("extra_headers"),
            field("with_raw_response"),
            field("../../x"),
            field("from"),
            field("import"),
            field('a"b'),
            field("mode", description=f"This parameter is required when `type` is set to `{EVIL}`"),
        ]
    )
    + "\n### Response Parameters\n\n"
    + "\n".join(
        field(name)
        for name in (
            "__class__",
            "model_config",
            "dict",
            "json",
            "model_dump",
            "cancellable?",
            "transferResult.tranId",
            "1st",
            "from",
            "Id",
            "id",
            "\uff49\uff44",
            "__pydantic_fields__",
            "../../etc/passwd",
        )
    )
    + "\n### Example Request\n\n```json\nPOST /ver1/__init__/5/run\n```\n\n```json\n"
    + '{"class": "x\\"\\"\\"y", "type": "{{ 7*7 }}"}\n```\n\n'
    + "### Example Response and errors\n\n<details>\n<summary>Status: 200 OK</summary>\n\n```json\n"
    + '{"__class__": "\\\\", "id": 1}\n```\n\n</details>\n'
)

ENTITY = (
    f'# Evil{HEAD}""" entity\n\n{EVIL}\n\n## Attributes\n\n'
    + field("__init__")
    + field("model_fields", "integer")
    + field("x", "object")
    + f'   {HEAD}\\"""{HEAD}<code>string</code>\n   {EVIL}\n'
)

LINKED = (
    "## Get evil\n\n**Security:** SIGNED\n\n<mark>GET</mark>\n\n<mark>/ver1/%7B%7Bx%7D%7D'$(x)/evil</mark>\n\n"
    "### Response Parameters\n\nIf successful, the response includes a copy of [Evil](./README.md) entity.\n"
)

PAGES = {"Evil/Evil endpoint.md": ENDPOINT, "Evil/README.md": ENTITY, "Evil/Get evil.md": LINKED}
