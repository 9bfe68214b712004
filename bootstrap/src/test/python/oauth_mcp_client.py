"""Connects the official MCP Python SDK client to a Cinatra server from nothing, with the SDK's own
OAuth provider (discovery, registration, PKCE, token), as a person signs in and approves; then
tools/list and tools/call whoami. Prints one JSON line with what it saw.

Usage: python oauth_mcp_client.py <base-url> <email> <password> <mode: auto|legacy>
"""

import asyncio
import html
import json
import re
import sys
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx2
from mcp import Client
from mcp.client.auth import OAuthClientProvider
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthClientMetadata, OAuthToken

REDIRECT_URI = "http://127.0.0.1:33419/callback"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


class MemoryStorage:
    """The SDK's token storage, kept in memory for one run."""

    def __init__(self):
        self.tokens = None
        self.client_info = None

    async def get_tokens(self):
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken):
        self.tokens = tokens

    async def get_client_info(self):
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull):
        self.client_info = client_info


class Person:
    """A person's browser: signs in and approves, and reads the code from the last redirect."""

    def __init__(self, base, email, password):
        self.base, self.email, self.password = base, email, password
        self.authorization_url = None
        self.redirect = None

    async def open(self, authorization_url):
        self.authorization_url = authorization_url
        async with httpx2.AsyncClient(follow_redirects=False) as browser:
            response = await browser.get(authorization_url)
            location = urljoin(self.base, response.headers["location"])
            if urlsplit(location).path == "/sign-in":
                form = (await browser.get(location)).text
                response = await browser.post(
                    urljoin(self.base, "/sign-in"),
                    data={**hidden(form), "email": self.email, "password": self.password},
                )
                response = await browser.get(urljoin(self.base, response.headers["location"]))
            if response.status_code == 200:
                response = await browser.post(
                    urljoin(self.base, "/oauth/authorize"),
                    data={**hidden(response.text), "decision": "approve"},
                )
            self.redirect = response.headers["location"]
        if not self.redirect.startswith(REDIRECT_URI):
            raise RuntimeError(f"unexpected redirect {self.redirect}")

    async def callback(self):
        query = parse_qs(urlsplit(self.redirect).query)
        if "error" in query:
            raise RuntimeError(f"authorization failed: {query}")
        return AuthorizationCodeResult(
            code=query["code"][0], state=query.get("state", [None])[0], iss=query.get("iss", [None])[0]
        )


def hidden(form):
    return {name: html.unescape(value) for name, value in HIDDEN.findall(form)}


async def main(base, email, password, mode):
    storage = MemoryStorage()
    person = Person(base, email, password)
    auth = OAuthClientProvider(
        server_url=base + "/api/mcp",
        client_metadata=OAuthClientMetadata(
            client_name="MCP Python SDK test client",
            redirect_uris=[REDIRECT_URI],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="none",
        ),
        storage=storage,
        redirect_handler=person.open,
        callback_handler=person.callback,
    )
    async with httpx2.AsyncClient(auth=auth, timeout=30) as http:
        async with Client(streamable_http_client(base + "/api/mcp", http_client=http), mode=mode) as client:
            tools = await client.list_tools()
            whoami = await client.call_tool("whoami", {})
            print(
                json.dumps(
                    {
                        "registered": storage.client_info.client_id if storage.client_info else None,
                        "authorizationUrl": person.authorization_url,
                        "protocolVersion": client.protocol_version,
                        "tools": [tool.name for tool in tools.tools],
                        "whoami": whoami.structured_content,
                        "isError": whoami.is_error,
                        "hasRefreshToken": bool(storage.tokens and storage.tokens.refresh_token),
                    }
                )
            )


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
