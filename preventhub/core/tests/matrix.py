from preventhub.core.testing.matrix import EVERYONE_SIGNED_IN, Case

CASES = [
    Case("core:home", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("core:accessibility", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("core:privacy", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("core:cookies", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
]
