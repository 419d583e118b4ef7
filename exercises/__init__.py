"""SKP-metodebanken's exercise and case package.

One package serves three places, so that what the build checks is exactly what the browser runs:

* the build (mkdocs hooks and macros) loads the YAML data files and validates them;
* the CLI (``python -m exercises``) lets authors check their files and walk a decision tree;
* the browser loads this package as a wheel into Pyodide and calls :mod:`exercises.runtime`.

The runtime modules use the standard library only (they run on CPython 3.11 and on Pyodide's
Python 3.14). PyYAML is imported by :mod:`exercises.loader` alone, which only the build uses.
"""

__version__ = "0.1.0"
