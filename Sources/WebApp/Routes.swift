import Hummingbird
import HummingbirdBcrypt
import ROIEngine
import Storage

/// The web app's routes, in the shape of Hummingbird's examples: the middleware every request
/// passes (outermost first), the sign-in pages, then the pages behind the password in a group.
extension WebServer {
  nonisolated func router() -> Router<WebContext> {
    let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: HostCheckMiddleware(server: self))
    router.add(middleware: BodyMiddleware(server: self))
    router.add(middleware: SessionMiddleware(server: self))
    router.add(middleware: NotFoundMiddleware(server: self))
    router.add(middleware: CSRFMiddleware(server: self))

    router.get("/language/{code}", use: answer { app, request, _, parameters in app.switchLanguage(parameters.get("code") ?? "", request) })
    router.group("login").add(middleware: SessionMiddleware(server: self, creating: true))
      .get(use: answer { app, request, page, _ in .html(app.loginPage(page, next: request.query["next"])) })
    router.post("/login", use: signIn)
    router.post("/logout", use: answer { app, _, page, _ in app.signOut(page) })

    let pages = router.group().add(middleware: SignInMiddleware(server: self))
    pages.get("/", use: answer { app, request, page, _ in try app.dashboardResponse(request, page) })
    pages.get("/report.html", use: answer { app, request, page, _ in try app.reportFile(request, page) })
    pages.get("/settings", use: answer { app, _, page, _ in .html(try app.settings(page)) })
    pages.get("/history", use: answer { app, request, page, _ in .html(try app.history(request, page)) })
    pages.get("/check", use: answer { app, _, page, _ in .html(try app.check(page)) })
    // The pages with forms: a visitor gets a session there.
    let forms = SessionMiddleware(server: self, creating: true)
    monthRoutes(pages.group("months").add(middleware: forms))
    expenseRoutes(pages.group("expenses").add(middleware: forms))
    metricRoutes(pages.group("metrics").add(middleware: forms))
    importRoutes(pages.group("import").add(middleware: forms))
    pages.get("/export", use: answer { app, request, page, _ in .html(app.exportPage(request, page)) })
    pages.get("/export/{file}", use: answer { app, request, page, parameters in
      try app.exportFile(parameters.get("file") ?? "", request, page) ?? app.notFound(page)
    })
    return router
  }

  private nonisolated func monthRoutes(_ months: RouterGroup<WebContext>) {
    months.get(use: answer { app, _, page, _ in .html(try app.months(page)) })
    months.get("{month}", use: answer { app, request, page, parameters in
      guard let month = try? Month(parsing: parameters.get("month") ?? "") else { return app.notFound(page) }
      return .html(try app.monthForm(month, page, values: nil, errors: [:], notice: request.query["done"].flatMap { page.noticeText($0) }))
    })
    months.post("{month}", use: answer { app, request, page, parameters in
      guard let month = try? Month(parsing: parameters.get("month") ?? "") else { return app.notFound(page) }
      return try app.saveMonth(month, request, page)
    })
  }

  private nonisolated func expenseRoutes(_ expenses: RouterGroup<WebContext>) {
    expenses.get(use: answer { app, request, page, _ in
      if request.query["done"] == "removed", let id = request.query["id"], Int64(id) != nil {
        return .html(try app.expenses(page, form: ["id": id], error: nil, notice: page.text(.webExpenseRemovedID, ["id": id])))
      }
      let number = Int(request.query["page"] ?? "") ?? 1
      return .html(try app.expenses(page, form: [:], error: nil, notice: request.query["done"].flatMap { page.noticeText($0) }, number: number))
    })
    expenses.post(use: answer { app, request, page, _ in try app.addExpense(request, page) })
    expenses.post("restore", use: answer { app, request, page, _ in try app.restoreExpense(request, page) })
    expenses.get("{id}/edit", use: expensePage { app, id, _, page in try app.editExpense(id, page) })
    expenses.post("{id}/edit", use: expensePage { app, id, request, page in try app.saveExpense(id, request, page) })
    expenses.post("{id}/remove", use: expensePage { app, id, _, _ in try app.removeExpense(id) })
  }

  private nonisolated func metricRoutes(_ metrics: RouterGroup<WebContext>) {
    metrics.get(use: answer { app, request, page, _ in .html(try app.metrics(page, notice: request.query["done"].flatMap { page.noticeText($0) })) })
    metrics.post(use: answer { app, request, page, _ in try app.addMetric(request, page) })
    metrics.get("edit", use: answer { app, request, page, _ in try app.editMetric(request, page) })
    metrics.post("edit", use: answer { app, request, page, _ in try app.updateMetric(request, page) })
    metrics.post("remove", use: answer { app, request, page, _ in try app.removeMetric(request, page) })
  }

  private nonisolated func importRoutes(_ imports: RouterGroup<WebContext>) {
    imports.get(use: answer { app, request, page, _ in
      let flash = request.query["done"] == "imported" ? app.flashes.removeValue(forKey: page.session) : nil
      return .html(app.importPage(page, notice: flash))
    })
    imports.post("preview", use: answer { app, request, page, _ in try app.previewImport(request, page) })
    imports.post("confirm", use: answer { app, request, page, _ in try app.confirmImport(request, page) })
    imports.post("cancel", use: answer { app, request, page, _ in app.cancelImport(request, page) })
  }

  /// A page about one expense: 404 when there is none with that id (or it is removed).
  nonisolated func expensePage(
    _ body: @escaping @Sendable (WebApp, Int64, WebRequest, Page) throws -> WebResponse
  ) -> @Sendable (Request, WebContext) async throws -> Response {
    answer { app, request, page, parameters in
      guard let id = WebServer.expenseID(parameters) else { return app.notFound(page) }
      do {
        return try body(app, id, request, page)
      } catch StoreError.noSuchExpense {
        return app.notFound(page)
      }
    }
  }

  /// `/expenses/3/…` → 3.
  static func expenseID(_ parameters: Parameters) -> Int64? {
    guard let id = parameters.get("id", as: Int64.self), id > 0 else { return nil }
    return id
  }

  /// A route's handler: `body` run on the app, one request at a time; an error is shown as a page.
  nonisolated func answer(
    _ body: @escaping @Sendable (WebApp, WebRequest, Page, Parameters) throws -> WebResponse
  ) -> @Sendable (Request, WebContext) async throws -> Response {
    { _, context in
      let (request, page, parameters) = (context.request, context.page, context.parameters)
      return WebServer.response(await self.run { app in
        do { return try body(app, request, page, parameters) } catch { return app.failure(error, page) }
      })
    }
  }

  /// `POST /login`: the password checked by bcrypt off the event loops (when the throttle lets the
  /// attempt be heard now), then the app signs in or refuses.
  @Sendable nonisolated func signIn(_ request: Request, context: WebContext) async throws -> Response {
    var sent = context.request
    if let hash = await hashToCheck() {
      let given = sent.form["password"] ?? ""
      // bcrypt reads 72 bytes and stops at a NUL: a longer password, or one with a NUL, would
      // match on its start alone. --hash-password refuses them, so none can be right.
      sent.passwordMatches = PasswordFile.bcryptTakes(given) ? await WebServer.offTheLoops { Bcrypt.verify(given, hash: hash) } : false
    }
    let (checked, page) = (sent, context.page)
    return WebServer.response(await run { app in app.signIn(checked, page) })
  }
}

/// The page for a path no route takes (or a method it does not), in the visitor's language.
struct NotFoundMiddleware: RouterMiddleware {
  typealias Context = WebContext
  let server: WebServer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as HTTPError where error.status == .notFound {
      let page = context.page
      return WebServer.response(await server.run { app in app.notFound(page) })
    }
  }
}
