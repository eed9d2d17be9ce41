"""The OpenAPI schema (public) and the browsable docs (signed-in users, local files only, CSP
without 'unsafe-inline'). test_docs_browser.py runs the docs in Chromium."""

from __future__ import annotations

import re

from django.contrib.staticfiles import finders

from preventhub.core.testing.api import url


def test_openapi_schema_is_public_openapi_3_1(client, db):
    response = client.get(url("openapi-json"))

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert schema["info"]["title"] == "Prevent Hub API" and schema["info"]["version"] == "1"
    assert schema["components"]["securitySchemes"] == {
        "TokenAuth": {"type": "http", "scheme": "bearer"},
        "SessionAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
    }


def test_every_path_parameter_is_a_uuid_never_an_integer_key(client, db):
    schema = client.get(url("openapi-json")).json()

    path_parameters = [
        parameter
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "path"
    ]
    assert path_parameters
    # A record's own id is public_id; a linked record's (an action's risk_id, say) is its UUID too.
    assert all(
        (p["schema"]["type"], p["schema"]["format"]) == ("string", "uuid") for p in path_parameters
    )


def test_every_operation_requires_a_token_or_the_session(client, db):
    schema = client.get(url("openapi-json")).json()

    securities = [op["security"] for path in schema["paths"].values() for op in path.values()]
    # Every app's operations (the directory's 17, governance's…): none is left open.
    assert len(securities) >= 17
    assert all(s == [{"TokenAuth": []}, {"SessionAuth": []}] for s in securities)


def test_docs_send_anonymous_visitors_to_sign_in(client, db):
    response = client.get(url("openapi-view"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/api/v1/docs")


def test_docs_load_only_local_files_with_no_inline_script(client, personas):
    client.force_login(personas["councillor"])

    response = client.get(url("openapi-view"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower() and not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    # Two external files and one JSON data block (which browsers never execute).
    assert [attrs for attrs, body in scripts if body.strip()] == [
        ' id="swagger-settings" type="application/json"'
    ]
    assert all(
        finders.find(f"ninja/{name}")
        for name in ("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js")
    )


def test_docs_run_under_the_site_csp_without_unsafe_inline(client, personas):
    client.force_login(personas["councillor"])

    policy = client.get(url("openapi-view"))["Content-Security-Policy"]

    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy


def test_docs_do_not_send_the_schema_to_the_public_swagger_validator(client, personas):
    client.force_login(personas["councillor"])

    html = client.get(url("openapi-view")).content.decode()

    assert '"validatorUrl": null' in html
