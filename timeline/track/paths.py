"""Where the tracker keeps its database when no path is given: the user's data folder, by the
conventions of each platform (no dependency: the three rules are short).

* Linux and other Unix: ``$XDG_DATA_HOME/timeline/deadlines.sqlite3``, else
  ``~/.local/share/timeline/deadlines.sqlite3`` (an empty or relative ``$XDG_DATA_HOME`` is
  ignored, as the XDG Base Directory specification says);
* macOS: ``~/Library/Application Support/timeline/deadlines.sqlite3``;
* Windows: ``%LOCALAPPDATA%\\timeline\\deadlines.sqlite3`` (else ``%APPDATA%``, else
  ``~\\AppData\\Local``).

``$TIMELINE_TRACKER_DB`` overrides all of them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

FILE_NAME = "deadlines.sqlite3"
ENV = "TIMELINE_TRACKER_DB"


def default_path(environ: Mapping[str, str] | None = None, platform: str | None = None,
                 home: str | None = None) -> PurePath:
    """The default database path for ``platform`` (``sys.platform``) and ``environ``
    (``os.environ``); ``home`` is the user's home folder (``~``).

    >>> str(default_path({"XDG_DATA_HOME": "/data"}, "linux", "/home/ann"))
    '/data/timeline/deadlines.sqlite3'
    >>> str(default_path({"XDG_DATA_HOME": "relative"}, "linux", "/home/ann"))
    '/home/ann/.local/share/timeline/deadlines.sqlite3'
    >>> str(default_path({}, "darwin", "/Users/ann"))
    '/Users/ann/Library/Application Support/timeline/deadlines.sqlite3'
    >>> str(default_path({"LOCALAPPDATA": "C:\\\\Users\\\\ann\\\\AppData\\\\Local"}, "win32", "C:\\\\Users\\\\ann"))
    'C:\\\\Users\\\\ann\\\\AppData\\\\Local\\\\timeline\\\\deadlines.sqlite3'
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if env.get(ENV):
        return Path(env[ENV]) if environ is None else PurePath(env[ENV])
    if plat.startswith("win"):
        home_dir = home if home is not None else os.path.expanduser("~")
        base = env.get("LOCALAPPDATA") or env.get("APPDATA") or str(PureWindowsPath(home_dir, "AppData", "Local"))
        return PureWindowsPath(base, "timeline", FILE_NAME)
    home_dir = home if home is not None else os.path.expanduser("~")
    if plat == "darwin":
        return PurePosixPath(home_dir, "Library", "Application Support", "timeline", FILE_NAME)
    xdg = env.get("XDG_DATA_HOME", "")
    base = xdg if xdg and os.path.isabs(xdg) and xdg.startswith("/") else str(PurePosixPath(home_dir, ".local", "share"))
    return PurePosixPath(base, "timeline", FILE_NAME)
