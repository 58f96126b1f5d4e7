"""Test support shared by the test suites: a local stand-in for the 3Commas API, runtime assembly."""
