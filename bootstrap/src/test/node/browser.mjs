// A person's browser for Cinatra's OAuth pages, shared by the client test scripts: a cookie jar,
// manual redirects, and the sign-in and consent forms posted as a person would.

/** The person's browser: a cookie jar and manual redirects. */
export class Browser {
  cookies = new Map();
  async request(url, options = {}) {
    const headers = { ...(options.headers ?? {}) };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    const response = await fetch(url, { ...options, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  static hiddenFields(html) {
    const fields = {};
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      fields[m[1]] = m[2].replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">").replaceAll("&amp;", "&");
    }
    return fields;
  }
  postForm(url, fields) {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

/** Sign in and approve, as a person would; returns the authorization code from the final redirect. */
export async function authorizeInBrowser(authorizationUrl, { baseUrl, email, password, redirectUrl }) {
  const browser = new Browser();
  let response = await browser.request(authorizationUrl);
  let location = new URL(response.headers.get("location"), baseUrl);
  if (location.pathname === "/sign-in") {
    const form = await (await browser.request(location)).text();
    response = await browser.postForm(new URL("/sign-in", baseUrl), {
      ...Browser.hiddenFields(form), email, password,
    });
    location = new URL(response.headers.get("location"), baseUrl);
    response = await browser.request(location);
  }
  if (response.status === 200) {
    const consent = await response.text();
    response = await browser.postForm(new URL("/oauth/authorize", baseUrl), {
      ...Browser.hiddenFields(consent), decision: "approve",
    });
  }
  const back = new URL(response.headers.get("location"));
  if (!back.href.startsWith(redirectUrl)) throw new Error(`unexpected redirect ${back}`);
  if (back.searchParams.get("error")) throw new Error(`authorization failed: ${back.search}`);
  return { code: back.searchParams.get("code"), iss: back.searchParams.get("iss"), location: back.href };
}

