<#--
  escalation.txt.ftl — plain-text body of an escalation (SPEC §12): a forwarded case still without a final status
  after its last reminder, told once to the region's Bawaslu and the Kanreg BKN (a case without a region: the triage
  inbox). Its HTML twin is escalation.html.ftlh: change both together. The subject ("[ESKALASI] " + the case mail's
  subject) is built by the hub.

  Data model: the keys of reminder.txt.ftl except reminder, maxReminders, lastReminder; and
    escalatedTo     list of the addresses this escalation goes to
    triage          boolean: the case has no region; escalatedTo is hub.routing.triage-inbox
    reminders       how many reminders were sent ("2")
    status          where the case stands ("TERKIRIM", "DITERIMA", "DIPROSES")
    answered        boolean: the office answered at least once
    history         list of {at, event ("Diteruskan", "Tanggapan kantor", "Pengingat", "Eskalasi", "Laporan terkait"),
                    status ("-" when none), detail ("-" when none)}, oldest first
-->
<#if triage>
Yth. Petugas triase Bawaslu,
(kasus ini tidak memiliki wilayah: mohon diteruskan kepada Bawaslu dan Kantor Regional BKN yang berwenang)
<#else>
Yth. Ketua Bawaslu dan Kepala Kantor Regional BKN,
</#if>

Kasus dugaan pelanggaran netralitas ASN berikut telah melewati batas waktu tindak lanjut. Sesudah
${reminders} kali pengingat, instansi penerima belum menyatakan SELESAI atau TIDAK TERBUKTI. Kami
mohon Bapak/Ibu menindaklanjutinya sesuai kewenangan masing-masing (pengawasan Bawaslu, pengawasan
dan pengendalian kepegawaian oleh BKN).

Nomor kasus       : ${caseId}
Terlapor          : ${displayName} (${displayNip})
Wilayah / instansi: ${place}
Kategori          : ${category}
Tingkat           : ${severity}
Tanggal kejadian  : ${incidentDate}
Surat dikirim     : ${forwardedAt}
Kepada            : <#list recipients as address>${address}<#sep>, </#list>
Batas waktu       : ${deadline} (terlewati ${overdue})
Status terakhir   : ${status}<#if !answered> (belum pernah ditanggapi)</#if>
Subjek surat awal : ${caseSubject}

Riwayat tindak lanjut:
<#list history as h>
  ${h.at} — ${h.event}<#if h.status != "-"> (${h.status})</#if><#if h.detail != "-">: ${h.detail}</#if>
</#list>

Eskalasi ini dikirim kepada: <#list escalatedTo as address>${address}<#sep>, </#list>.
Tanggapan instansi yang datang kemudian tetap dicatat: balas ke ${replyAddress} dengan baris
"Status: …" seperti pada surat awal.

Hormat kami,
${signature.unit}
${signature.address}
Telepon ${signature.phone} · Email ${signature.email}

--
Email ini dikirim secara otomatis oleh Netralitas Hub atas nama ${signature.unit}.
