"""Configuration: ``[tool.spec-lint]`` in ``pyproject.toml`` or ``.spec-lint.toml``, found upward
from the current folder, merged with the command line into the ``Settings`` the engine applies.

Kept free of imports: ``settings`` uses ``config.globs``, and the rest of the package uses
``settings``.
"""
