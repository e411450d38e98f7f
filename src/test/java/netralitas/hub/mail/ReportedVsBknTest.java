package netralitas.hub.mail;

import netralitas.hub.bkn.Employee;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportedVsBknTest {

    @Test
    void sameNameInOtherCaseOrWithTitlesIsNoMismatch() {
        assertFalse(ReportedVsBkn.namesDiffer("Rudi Hartono", MailFixtures.rudi()));
        assertFalse(ReportedVsBkn.namesDiffer("rudi  hartono, S.Sos.", MailFixtures.rudi()));
        assertFalse(ReportedVsBkn.namesDiffer("Drs. Rudi Hartono, M.Si.", MailFixtures.rudi()));
    }

    @Test
    void employeeWithoutTitlesIsCompared() {
        Employee plain = new Employee("198001012005011001", "ANDI", null, " ", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertFalse(ReportedVsBkn.namesDiffer("Andi", plain));
        assertTrue(ReportedVsBkn.namesDiffer("Andika", plain));
    }

    @Test
    void differentNameIsAMismatch() {
        assertTrue(ReportedVsBkn.namesDiffer("Rudi Hartanto", MailFixtures.rudi()));
    }

    @Test
    void nothingToCompareIsNoMismatch() {
        assertFalse(ReportedVsBkn.namesDiffer(null, MailFixtures.rudi()));
        assertFalse(ReportedVsBkn.namesDiffer("Rudi", null));
        assertFalse(ReportedVsBkn.agenciesDiffer(" ", MailFixtures.rudi()));
    }

    @Test
    void agencyWrittenDifferentlyButSameEmployerIsNoMismatch() {
        assertFalse(ReportedVsBkn.agenciesDiffer("Dinas Pendidikan Kab. Kepahiang", MailFixtures.rudi()));
        assertFalse(ReportedVsBkn.agenciesDiffer("Pemkab Kepahiang", MailFixtures.rudi()));
        assertFalse(ReportedVsBkn.agenciesDiffer("Dinas Pendidikan", MailFixtures.rudi()));
    }

    @Test
    void otherEmployerIsAMismatch() {
        assertTrue(ReportedVsBkn.agenciesDiffer("Pemkab Lebong", MailFixtures.rudi()));
        assertTrue(ReportedVsBkn.agenciesDiffer("Dinas Kesehatan Kota Bengkulu", MailFixtures.rudi()));
    }
}
