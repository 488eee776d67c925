# Build the frozen distribution (see docs/packaging.md). Linux targets; Windows runs the same steps from
# .github/workflows/windows-installer.yml.
#
#   make dist          one-folder bundle dist/behovsanalys/ + dist/behovsanalys-<version>-linux-x86_64.tar.gz
#                      (`workbench` is a symlink to the one `behovsanalys` executable; the tarball keeps it)
#   make dist-check    smoke-test the frozen bundle (CLI inspect/apply/export, GUI offscreen, no network)
#   make dist-check-windows  build the Inno Setup installer and the MSI from a stand-in of the Windows bundle,
#                      install and uninstall both under Wine (tools/windows_check.py; scripts/windows-tools.sh
#                      installs Wine, msitools and Inno Setup first)
#   make bare          the bare-window baseline bundle in build/bare/ (for benchmarks/bench_bundle.py)
#   make install-user  put the bundle's menu entry and icons in ~/.local/share (no root needed)
#   make uninstall-user
#   make clean-dist

PYTHON ?= python3.11
DIST_VENV ?= .venv-dist
DIST_PY := $(DIST_VENV)/bin/python
VERSION = $(shell $(PYTHON) -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
BUNDLE := dist/behovsanalys
TARBALL = dist/behovsanalys-$(VERSION)-linux-x86_64.tar.gz
PYINSTALLER = $(DIST_VENV)/bin/pyinstaller --noconfirm --clean

.PHONY: dist dist-venv bare dist-check dist-check-windows install-user uninstall-user clean-dist

# The build environment holds the runtime dependencies only (no dev extras: one Qt binding, no pytest).
$(DIST_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(DIST_VENV)
	echo '*' > $(DIST_VENV)/.gitignore
	$(DIST_PY) -m pip install --quiet --upgrade . "pyinstaller>=6.10,<7"
	touch $@

dist-venv: $(DIST_VENV)/.installed

dist: $(DIST_VENV)/.installed
	$(DIST_PY) tools/translations.py build
	$(DIST_PY) packaging/make_icons.py build/icons
	$(PYINSTALLER) --distpath dist --workpath build/pyinstaller build.spec
	mkdir -p $(BUNDLE)/share/applications
	cp packaging/behovsanalys.desktop $(BUNDLE)/share/applications/
	cp -r build/icons/hicolor $(BUNDLE)/share/icons
	cp resources/icons/behovsanalys.svg $(BUNDLE)/share/icons/behovsanalys.svg
	cp packaging/install-user.sh packaging/README.txt $(BUNDLE)/
	chmod +x $(BUNDLE)/install-user.sh
	tar -C dist --use-compress-program='gzip -9n' -cf $(TARBALL) behovsanalys
	@du -sh $(BUNDLE) $(TARBALL)

bare: $(DIST_VENV)/.installed
	BEHOVSANALYS_BARE=1 $(PYINSTALLER) --distpath build/bare --workpath build/bare-work build.spec

dist-check:
	$(PYTHON) tools/dist_check.py

# The installers' icon is rendered with QtSvg: by the build environment, or by any Python with PySide6
# (`make dist-check-windows ICON_PY=.venv/bin/python` spares creating .venv-dist).
ICON_PY ?= $(DIST_PY)

dist-check-windows: $(if $(filter $(DIST_PY),$(ICON_PY)),$(DIST_VENV)/.installed)
	bash scripts/windows-tools.sh
	QT_QPA_PLATFORM=offscreen $(ICON_PY) packaging/make_icons.py build/icons
	$(PYTHON) tools/windows_check.py

install-user:
	$(BUNDLE)/install-user.sh

uninstall-user:
	$(BUNDLE)/install-user.sh --uninstall

clean-dist:
	rm -rf dist build/pyinstaller build/bare build/bare-work build/icons build/windows
