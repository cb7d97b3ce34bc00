#if canImport(Glibc)
  import Glibc
#endif
import ROIEngine

/// The calendar month still running: the local clock's, or the month `CRM_ROI_TODAY` names
/// (YYYY-MM), so that examples and tests read the same whatever the date they run on.
public enum RunningMonth {
  public static let variable = "CRM_ROI_TODAY"

  /// `CRM_ROI_TODAY` when set (an error when it is not a month), else the clock's month.
  public static func current() throws -> Month {
    if let value = getenv(variable), case let text = String(cString: value), !text.isEmpty {
      do {
        return try Month(parsing: text)
      } catch let error as ValueError {
        throw RunningMonthError(error: error)
      }
    }
    return clock()
  }

  /// The current calendar month in the local time zone.
  public static func clock() -> Month {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Month(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1)
  }
}

/// `CRM_ROI_TODAY` is not a month: the error names the variable.
public struct RunningMonthError: ExplainedError {
  public let error: ValueError
  public var phrase: Phrase {
    Phrase(.fromSource, phrases: ["source": .phrase(.verbatim(RunningMonth.variable)), "error": .phrase(error.phrase)])
  }
}
