"""specgen: 3Commas documentation pages -> a versioned YAML IR -> a typed Python SDK."""

__version__ = "0.1.0"
