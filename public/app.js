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
