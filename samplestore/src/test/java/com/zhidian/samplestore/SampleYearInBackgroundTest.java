package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.StoreKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The year the run command and the journeys load: its period and its two sizes. */
class SampleYearInBackgroundTest {

    @Test
    void theYear_isTheLast52WholeWeeks_endingByYesterday() {
        SampleYearInBackground.Period p = SampleYearInBackground.period();
        LocalDate today = LocalDate.now(SampleYearLoader.ZONE);
        assertEquals(DayOfWeek.MONDAY, p.from().getDayOfWeek());
        assertEquals(p.from().plusWeeks(52).minusDays(1), p.to());
        assertTrue(p.to().isBefore(today) && !p.to().isBefore(today.minusDays(7)), p + " ends in the week before today");
        SampleYear.Config c = SampleYearInBackground.config(SampleYearInBackground.Size.runCommand());
        assertEquals(p.from(), c.start());
        assertEquals(364, c.days());
    }

    @Test
    void theRunCommandsYear_isOneConvenienceStore_theJourneys_bothSampleStores() {
        SampleYear.Config run = SampleYearInBackground.config(SampleYearInBackground.Size.runCommand());
        assertEquals(List.of(new SampleYear.Store("sample-0", StoreKind.CONVENIENCE, 0.15)), run.stores());
        assertEquals(80, run.products());
        SampleYear.Config journeys = SampleYearInBackground.config(SampleYearInBackground.Size.journeys());
        assertEquals(List.of(StoreKind.CONVENIENCE, StoreKind.SUPERMARKET), journeys.stores().stream().map(SampleYear.Store::kind).toList());
        assertTrue(journeys.products() < run.products() && journeys.members() < run.members());
        assertThrows(IllegalArgumentException.class,
                () -> SampleYearInBackground.config(new SampleYearInBackground.Size(10, 10, List.of(0.1, 0.1, 0.1))));
    }
}
