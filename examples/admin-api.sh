#!/usr/bin/env bash
# Every operation of Cinatra's REST admin API, with curl and a personal access token, each checked
# for the status it should answer (bad input included). Prints one line per call.
#
#   java -jar cinatra.jar token create --email you@example.com      # prints the token once
#   CINATRA_URL=http://127.0.0.1:3000 CINATRA_TOKEN=cin_pat_… examples/admin-api.sh
set -euo pipefail
: "${CINATRA_URL:?set CINATRA_URL to the server, e.g. http://127.0.0.1:3000}"
: "${CINATRA_TOKEN:?set CINATRA_TOKEN to a personal access token (token create)}"
HERE=$(cd "$(dirname "$0")" && pwd)
BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

# call EXPECTED METHOD PATH [JSON] [TOKEN]: fails the script unless the answer has that status.
call() {
  local expected=$1 method=$2 path=$3 json=${4:-} token=${5-$CINATRA_TOKEN} status
  local args=(-sS -o "$BODY" -w '%{http_code}' -X "$method")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$json" ] && args+=(-H 'Content-Type: application/json' --data "$json")
  status=$(curl "${args[@]}" "$CINATRA_URL$path")
  if [ "$status" != "$expected" ]; then
    echo "FAIL $method $path: expected $expected, got $status: $(cat "$BODY")" >&2
    exit 1
  fi
  echo "ok $status $method $path"
}
# has TEXT: the last answer contains TEXT.
has() { grep -qF -- "$1" "$BODY" || { echo "FAIL: answer lacks $1: $(cat "$BODY")" >&2; exit 1; }; }
lacks() { ! grep -qF -- "$1" "$BODY" || { echo "FAIL: answer shows $1" >&2; exit 1; }; }
# field NAME: the first string value of NAME in the last answer.
field() { grep -o "\"$1\":\"[^\"]*\"" "$BODY" | head -1 | sed "s/\"$1\":\"//; s/\"\$//"; }

call 200 GET /api/admin/openapi.json "" ""; has '"/api/admin/clients"'
call 401 GET /api/admin/accounts "" ""; has '"status":401'
call 401 GET /api/admin/accounts "" "cin_pat_not-a-real-token"; has 'unknown or revoked'
call 404 GET /api/admin/nothing-here; has '"status":404'

# The public URL.
call 200 GET /api/admin/public-url
call 400 PUT /api/admin/public-url '{"url":"ftp://files.example.test"}'; has 'https://'
call 400 PUT /api/admin/public-url '{"url":'; has 'not the expected JSON'
call 200 PUT /api/admin/public-url '{"url":"https://cinatra.example.test/"}'
has '"mcpServerUrl":"https://cinatra.example.test/api/mcp"'; has 'must reconnect'

# Accounts.
call 200 GET /api/admin/accounts
ADMIN_ID=$(grep -o '"accountId":"[^"]*","email":"[^"]*","role":"admin"' "$BODY" | head -1 | sed 's/"accountId":"//; s/".*//')
call 201 POST /api/admin/accounts '{"email":"script-member@example.org","role":"member"}'
has '"generatedPassword":"'; MEMBER_ID=$(field accountId)
call 409 POST /api/admin/accounts '{"email":"Script-Member@example.org","role":"member"}'
call 400 POST /api/admin/accounts '{"email":"not an email","role":"member"}'
call 200 PUT "/api/admin/accounts/$MEMBER_ID/role" '{"role":"viewer"}'; has '"role":"viewer"'
call 400 PUT "/api/admin/accounts/$MEMBER_ID/role" '{"role":"overlord"}'
call 404 PUT /api/admin/accounts/00000000-0000-0000-0000-000000000000/role '{"role":"viewer"}'
call 409 PUT "/api/admin/accounts/$ADMIN_ID/role" '{"role":"member"}'; has 'admin'
call 200 POST "/api/admin/accounts/$MEMBER_ID/disable"; has '"status":"disabled"'

# Connectors: a webhook, an HTTP API with its secret (never shown back), and a bad one.
call 200 PUT /api/admin/connectors/hook '{"connector":{"kind":"webhook","url":"https://hooks.example.test/x"}}'
TRACKER=$(sed 's/"name": "tracker",//' "$HERE/connectors/tracker.json")
call 200 PUT /api/admin/connectors/tracker "{\"connector\":$TRACKER,\"secret\":\"Bearer s3cret-from-the-script\"}"
lacks 's3cret-from-the-script'; has '"issue_get"'
call 400 PUT /api/admin/connectors/bad '{"connector":{"kind":"ftp","url":"https://x.example.test"}}'
call 400 PUT /api/admin/connectors/other '{"connector":{"name":"tracker","kind":"webhook","url":"https://x.example.test"}}'
call 200 GET /api/admin/connectors; has '"tracker"'; has '"hook"'; lacks 's3cret-from-the-script'

# Agents.
AGENT='{"name":"Script agent","steps":[{"id":"hello","kind":"message","text":"Hello from the script"}]}'
call 200 PUT /api/admin/agents/script-agent "$AGENT"; has '"created":true'
call 200 PUT /api/admin/agents/script-agent "$AGENT"; has '"created":false'
call 400 PUT /api/admin/agents/broken '{"name":"Broken","steps":[{"id":"x","kind":"teleport"}]}'; has 'unknown step kind'
call 200 GET /api/admin/agents; has '"script-agent"'

# Runs and the audit trail.
call 200 GET /api/admin/runs
call 200 GET "/api/admin/runs?status=completed&agentId=script-agent"
call 400 GET "/api/admin/runs?status=sideways"
call 200 GET "/api/admin/audit?limit=5"; has '"entries"'; has '"connectors_install"'

# Clients: one registers (RFC 7591) and is disconnected; an unknown one is not found.
curl -sS -o "$BODY" -H 'Content-Type: application/json' \
  --data '{"client_name":"Claude (script)","redirect_uris":["http://127.0.0.1:9/cb"],"token_endpoint_auth_method":"none"}' \
  "$CINATRA_URL/oauth/register"
CLIENT_ID=$(field client_id)
call 200 GET "/api/admin/clients?nameContains=CLAUDE&limit=100"; has "\"$CLIENT_ID\""
call 400 GET "/api/admin/clients?limit=0"
call 200 POST "/api/admin/clients/$CLIENT_ID/disconnect"; has '"disconnectedAccounts":0'
call 404 POST /api/admin/clients/mcp_unknown/disconnect
echo "all admin API operations answered as expected"
