import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Adds the security headers to a response head written without them: the HTTP parser's own 400,
/// which Hummingbird writes before any middleware runs. (Every other response has them from
/// `SecurityHeadersMiddleware`.)
final class SecurityHeadersHandler: ChannelOutboundHandler, RemovableChannelHandler {
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    var part = unwrapOutboundIn(data)
    if case .head(var head) = part, head.headerFields[.contentSecurityPolicy] == nil {
      for (name, value) in WebResponse.securityHeaders {
        if let field = HTTPField.Name(name), head.headerFields[field] == nil { head.headerFields[field] = value }
      }
      part = .head(head)
    }
    context.write(wrapOutboundOut(part), promise: promise)
  }
}
