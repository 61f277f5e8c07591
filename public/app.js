// Small enhancements only: every page works without this file.

// Job progress: poll the JSON API and update the bar in place.
for (const box of document.querySelectorAll('[data-job-id]')) {
  const id = box.getAttribute('data-job-id')
  const bar = box.querySelector('[data-job-progress]')
  const count = box.querySelector('[data-job-count]')
  const status = box.querySelector('[data-job-status]')
  const tick = async () => {
    const res = await fetch(`/api/v1/jobs/${id}`, { headers: { accept: 'application/json' } })
    if (!res.ok) return
    const { job } = await res.json()
    if (job.total) bar.max = job.total
    bar.value = job.progress
    count.textContent = `${job.progress} / ${job.total ?? '?'}`
    status.textContent = job.status
    if (job.status === 'queued' || job.status === 'running') setTimeout(tick, 1000)
  }
  setTimeout(tick, 1000)
}

// A form that came back with errors: move focus to the summary so it is read first and
// its links lead to each field.
const summary = document.querySelector('.error-summary')
if (summary) summary.focus()

// Proposals: while the proposer types, list similar earlier proposals (the form also has a
// "check for similar proposals" button that works without this script).
for (const box of document.querySelectorAll('[data-proposals-similar]')) {
  const form = box.closest('form')
  const list = box.querySelector('[data-proposals-similar-list]')
  const names = ['title', 'problem', 'solution', 'method', 'caveats']
  let timer
  let last = ''
  const refresh = async () => {
    const text = names
      .map((n) => form.elements.namedItem(n)?.value ?? '')
      .join('\n')
      .slice(0, 2000)
    if (text === last || text.trim().length < 4) return
    last = text
    const params = new URLSearchParams({
      text,
      exclude: box.getAttribute('data-proposals-similar'),
    })
    const res = await fetch(`/proposals/similar?${params}`, { headers: { accept: 'text/html' } })
    if (res.ok) list.innerHTML = await res.text()
  }
  form.addEventListener('input', (event) => {
    if (!names.includes(event.target.name)) return
    clearTimeout(timer)
    timer = setTimeout(refresh, 600)
  })
}
