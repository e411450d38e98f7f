<#--
  reminder.txt.ftl — plain-text body of a reminder (SPEC §12): a forwarded case passed its deadline without a final
  status (SELESAI or TIDAK TERBUKTI). Sent to the case mail's own recipients, threaded to it. Its HTML twin is
  reminder.html.ftlh: change both together. The subject ("[PENGINGAT] " + the case mail's subject) is built by the hub.

  Data model (strings unless said otherwise; "-" when absent):
    caseId, caseSubject (the case mail's subject), displayName, displayNip, severity, category, place, incidentDate
    forwardedAt     when the mail server accepted the case mail ("14 Oktober 2024 pukul 09.00 WIB")
    recipients      list of the addresses the case mail went to (To and Cc)
    messageId       the case mail's Message-ID (or its digest's)
    deadline        the deadline passed, same format;  overdue: "12 hari" or "kurang dari 1 hari"
    reminder        this reminder's number ("1");  maxReminders: how many are sent at most
    lastReminder    boolean: after this one the case goes to the region's Bawaslu and the Kanreg BKN
    replyAddress    where the office answers (hub.followup.address)
    statuses        list of {label, meaning}: the status lines an office may write
    signature.{unit, address, phone, email}
-->
Yth. Bapak/Ibu penerima surat kasus ${caseId},

Ini adalah pengingat ke-${reminder} atas surat kami mengenai dugaan pelanggaran netralitas ASN berikut.
Sampai saat ini kami belum menerima laporan tindak lanjut yang menyatakan SELESAI atau TIDAK TERBUKTI.

Nomor kasus       : ${caseId}
Terlapor          : ${displayName} (${displayNip})
Wilayah / instansi: ${place}
Kategori          : ${category}
Tingkat           : ${severity}
Tanggal kejadian  : ${incidentDate}
Surat dikirim     : ${forwardedAt}
Kepada            : <#list recipients as address>${address}<#sep>, </#list>
Batas waktu       : ${deadline} (terlewati ${overdue})
Subjek surat awal : ${caseSubject}

<#if lastReminder>
Ini adalah pengingat terakhir. Bila sampai pemeriksaan berikutnya belum ada tanggapan, kasus ini
diteruskan (eskalasi) kepada Bawaslu daerah dan Kantor Regional BKN.
<#else>
Pengingat dikirim paling banyak ${maxReminders} kali; sesudah itu kasus ini diteruskan (eskalasi) kepada
Bawaslu daerah dan Kantor Regional BKN.
</#if>

Cara menanggapi: balas email ini (atau surat awal) ke ${replyAddress} tanpa mengubah subjeknya, dan
mulailah balasan dengan baris-baris berikut:

  Status: DIPROSES
  Sanksi: (bila sudah dijatuhkan: jenis sanksi dan nomor surat keputusan)
  Keterangan: (penjelasan singkat)

Status yang dapat dipakai:
<#list statuses as s>
  ${s.label?right_pad(15)} — ${s.meaning}
</#list>
Surat keputusan atau berita acara dapat dilampirkan pada balasan.

Hormat kami,
${signature.unit}
${signature.address}
Telepon ${signature.phone} · Email ${signature.email}

--
Email ini dikirim secara otomatis oleh Netralitas Hub atas nama ${signature.unit}.
