/** Mounts the application into the page. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import './styles/base.css'
import './styles/frame.css'
import './styles/list.css'
import './styles/case.css'
import './styles/form.css'
import './styles/checks.css'
import './styles/scans.css'
import './styles/review.css'
import './styles/output.css'
import './styles/fleet.css'
import './styles/fit.css'

const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
