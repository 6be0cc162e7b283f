/** The application frame. Screens arrive with the desktop-app issue; until then it says so. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', padding: 32 }}>
      <h1>ICP Prep 备案材料助手</h1>
      <p>桌面界面正在建设中；请先使用命令行 icp-prep validate / check。</p>
      <p lang="en">The desktop screens are being built; use the icp-prep CLI (validate, check) meanwhile.</p>
    </main>
  )
}
