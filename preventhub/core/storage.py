from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage, also rewriting ES module imports (init.mjs imports
    govuk-frontend.min.js by relative path, which must point at the hashed name too)."""

    support_js_module_import_aggregation = True
    # GOV.UK Frontend's CSS and source maps reference files we do not ship; do not fail the build.
    manifest_strict = False
