import Foundation
import Testing
@testable import Site

/// `|today|`'s day, worked out without `Calendar`, is the one `Calendar` gives.
@Suite struct UTCDayTests {
    @Test func everyFewDaysOverCenturiesMatchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for step in stride(from: -30_000, through: 60_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(step) * 86_400 + Double(step % 86_400))
            let expected = calendar.dateComponents([.year, .month, .day], from: date)
            let day = SiteBuilder.utcDay(date)
            #expect(day.year == expected.year && day.month == expected.month && day.day == expected.day, "\(date)")
        }
    }
}
