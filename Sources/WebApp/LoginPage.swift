import ROIEngine
import Reports

/// `/login` when the server was started with `--password-file`: the password, then a new session
/// cookie; failed attempts slowed after five (see `LoginThrottle`).
extension WebApp {
  func loginPage(_ page: Page, next: String?, error: String? = nil) -> String {
    let content = """
      <form method="post" action="/login">
      \(page.csrfField)
      <input type="hidden" name="next" value="\(escape(WebApp.localPath(next)))">
      <label for="password">\(escape(page.text(.webPassword)))</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required="" autofocus="">
      \(Page.error(error))
      <p><button id="sign-in" type="submit">\(escape(page.text(.webSignIn)))</button></p>
      </form>
      """
    var bare = page
    bare.tabs = []
    bare.signsOut = false
    return bare.render(title: page.text(.webSignIn), active: "/login", content)
  }

  func signIn(_ request: WebRequest, _ page: Page) -> WebResponse {
    guard configuration.passwordHash != nil else { return .redirect(to: "/") }
    let now = ContinuousClock.now
    if let wait = throttle.wait(now: now) {
      let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
      var response = WebResponse.html(loginPage(page, next: request.form["next"], error: page.text(.webWaitBeforeSignIn, ["seconds": "\(seconds)"])), status: 429)
      response.headers.append(("Retry-After", "\(seconds)"))
      return response
    }
    // Checked by bcrypt before the app was asked (`WebRequest.passwordMatches`), off the event loops.
    guard request.passwordMatches == true else {
      throttle.failed(now: now)
      return .html(loginPage(page, next: request.form["next"], error: page.text(.webWrongPassword)), status: 401)
    }
    throttle.succeeded()
    let (id, _) = sessions.signIn(replacing: page.session)
    var response = WebResponse.redirect(to: WebApp.localPath(request.form["next"]))
    response.headers.append(Sessions.setCookie(id))
    return response
  }

  /// `next` when it is a path of this server (`/expenses`), else `/`: never another site.
  static func localPath(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"),
      next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
    else { return "/" }
    return next
  }

  func signOut(_ page: Page) -> WebResponse {
    sessions.end(page.session)
    return .redirect(to: configuration.passwordHash == nil ? "/" : "/login")
  }
}
