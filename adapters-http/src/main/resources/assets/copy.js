// The copy button of the connector page: selects the MCP Server URL, copies it, and says so.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  button.addEventListener("click", () => {
    const field = document.getElementById(button.dataset.copy);
    field.focus();
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      // Not awaited: a browser that asks for permission must not hold the button.
      navigator.clipboard.writeText(field.value).catch(() => document.execCommand("copy"));
    } else {
      document.execCommand("copy");
    }
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  });
});
