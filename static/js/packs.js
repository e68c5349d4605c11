// Progress packs page: follow each queued or building pack by polling its status, and reload
// the page when a build finishes so its download, publish or retry controls appear.
// Without JavaScript, a <noscript> meta refresh reloads the page instead.

const FINISHED_RELOAD_DELAY_MS = 500;

function follow(tag) {
  const url = tag.dataset.packStatusUrl;
  const interval = Number(tag.dataset.pollSeconds || 3) * 1000;
  const step = tag.parentElement.querySelector(".app-pack-step");

  async function poll() {
    let status;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      status = await response.json();
    } catch {
      window.setTimeout(poll, interval * 2);
      return;
    }
    tag.textContent = status.status_label;
    if (step) step.textContent = status.progress_step;
    if (status.finished) {
      window.setTimeout(() => window.location.reload(), FINISHED_RELOAD_DELAY_MS);
      return;
    }
    window.setTimeout(poll, interval);
  }

  window.setTimeout(poll, interval);
}

document.querySelectorAll("[data-pack-status-url]").forEach(follow);
