# Shell helper for test.sh and demo.sh: find (or install) the ORMs the ORM tests drive, from Debian's packages:
# SQLAlchemy, Alembic and Django with psycopg2 for Debian's /usr/bin/python3 (a python3 earlier on PATH, such as
# pyenv's, may lack them), ActiveRecord with pg for its ruby. Source it; do not run it.

. "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

# Installs the Debian packages of every ORM that is missing.
ensure_orms() {
  local missing=()
  /usr/bin/python3 -c "import sqlalchemy, psycopg2" 2>/dev/null || missing+=(python3-sqlalchemy python3-psycopg2)
  /usr/bin/python3 -c "import alembic" 2>/dev/null || missing+=(python3-alembic)
  /usr/bin/python3 -c "import django" 2>/dev/null || missing+=(python3-django)
  /usr/bin/ruby -e "require 'active_record'; require 'pg'" 2>/dev/null || missing+=(ruby-activerecord ruby-pg)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "ORMs for the ORM tests not found; installing Debian's ${missing[*]}..." >&2
  apt_install "${missing[@]}"
}

# Installs Debian's SQLAlchemy and psycopg2 when missing (the demo's model).
ensure_sqlalchemy() {
  /usr/bin/python3 -c "import sqlalchemy, psycopg2" 2>/dev/null && return 0
  echo "SQLAlchemy not found; installing Debian's python3-sqlalchemy and python3-psycopg2..." >&2
  apt_install python3-sqlalchemy python3-psycopg2
}
