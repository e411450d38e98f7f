<#--
  acknowledgement.txt.ftl — the plain-text reply a reporter gets when their email reaches the Bawaslu mailbox
  (hub.mail.acknowledge, SPEC §3.3). It never says where the case was sent, and repeats nothing the sender wrote but a
  short subject: it goes to an address the hub did not choose, and must not carry someone else's words.

  Data model (strings are "-" when absent):
    outcome        "FORWARDED" | "DIGEST" | "CLOSED" | "REVIEW" | "DUPLICATE" | "NOT_PROCESSED" | "CSV_BATCH"
    caseId         the case id to quote ("-" for CSV_BATCH)
    subject        the sender's subject, one line of at most 80 characters;  sentDate: "21 Oktober 2024"
    reasons        list of strings: why the report could not be processed, in the hub's words (NOT_PROCESSED)
    categoryCode, categoryLabel   the category of a CLOSED case (e.g. "PASSIVE_ATTENDANCE")
    reportAddress  where reports are sent ("-" when not configured)
    csvFiles       list of {number, accepted, rejected (numbers), error ("-" when the file was read),
                   rows (list of {line, reason}: the first rejected rows), moreRows (rejected rows not listed)}
    moreFiles      CSV files not listed
    attachmentsLeftOut  one sentence on the files not taken (counts and sizes, never names), "-" when none
-->
<#assign sendTo><#if reportAddress != "-">ke ${reportAddress}<#else>ke alamat email pengaduan Bawaslu yang sama</#if></#assign>
Yth. Pelapor,

Terima kasih. Email Anda<#if subject != "-"> dengan subjek "${subject}"</#if><#if sentDate != "-"> yang dikirim pada ${sentDate}</#if> telah diterima oleh Bawaslu.

<#switch outcome>
  <#case "FORWARDED">
Nomor kasus: ${caseId}

Laporan Anda telah dicatat dan diteruskan kepada pihak yang berwenang untuk ditindaklanjuti.
Mohon sebutkan nomor kasus tersebut bila Anda menghubungi Bawaslu mengenai laporan ini.
    <#break>
  <#case "DIGEST">
Nomor kasus: ${caseId}

Laporan Anda telah dicatat dan akan diteruskan kepada pihak yang berwenang dalam rekap harian berikutnya.
Mohon sebutkan nomor kasus tersebut bila Anda menghubungi Bawaslu mengenai laporan ini.
    <#break>
  <#case "CLOSED">
Nomor kasus: ${caseId}

Terima kasih atas kepedulian Anda terhadap netralitas ASN. Laporan Anda telah kami baca dan catat.
<#if categoryCode == "PASSIVE_ATTENDANCE">
Menurut isi laporan, ASN tersebut hadir di kampanye secara pasif, yaitu hanya mendengarkan visi, misi dan program
calon tanpa menunjukkan dukungan. Kehadiran seperti itu diperbolehkan dan bukan pelanggaran netralitas, sehingga
laporan ini tidak diteruskan dan kasusnya ditutup.

Bila ASN tersebut ternyata menunjukkan dukungan (misalnya memakai atribut calon, berfoto dengan simbol
keberpihakan, mengajak orang lain memilih, atau membagikan barang), silakan kirim laporan baru ${sendTo}
dengan keterangan tersebut.
<#else>
Menurut isi laporan, peristiwa tersebut tergolong "${categoryLabel}". Hal itu bukan pelanggaran netralitas,
sehingga laporan ini tidak diteruskan dan kasusnya ditutup. Bila ada keterangan lain yang belum Anda sampaikan,
silakan kirim laporan baru ${sendTo}.
</#if>
    <#break>
  <#case "REVIEW">
Nomor kasus: ${caseId}

Laporan Anda telah dicatat dan diserahkan kepada petugas Bawaslu untuk ditelaah lebih dahulu sebelum diteruskan
kepada pihak yang berwenang.
Mohon sebutkan nomor kasus tersebut bila Anda menghubungi Bawaslu mengenai laporan ini.
    <#break>
  <#case "DUPLICATE">
Nomor kasus: ${caseId}

Laporan ini sudah pernah kami terima sebelumnya dengan nomor kasus yang sama dan sudah ditangani; laporan yang sama
tidak dicatat dan tidak diteruskan dua kali. Anda tidak perlu mengirimnya lagi.
    <#break>
  <#case "NOT_PROCESSED">
Nomor kasus: ${caseId}

Laporan Anda belum dapat diproses karena:
<#list reasons as reason>
  - ${reason}
</#list>

Petugas Bawaslu akan memeriksa pesan Anda. Agar laporan dapat langsung diproses, silakan kirim ulang ${sendTo}
dengan baris-baris berikut di badan email (isi setelah tanda titik dua):

  NIP Terlapor: (18 angka, bila diketahui)
  Nama Terlapor:
  Jabatan Terlapor:
  Instansi Terlapor:
  Wilayah: (mis. Kabupaten Kepahiang)
  Tanggal Kejadian: (mis. 21/10/2024)
  Jenis Pelanggaran:
  Uraian: (kronologi kejadian)
  Bukti: (tautan, atau lampirkan berkas)

Tanpa NIP, isilah Nama Terlapor dan Wilayah.
    <#break>
  <#case "CSV_BATCH">
Lampiran CSV Anda telah diproses:
<#list csvFiles as file>
  - Lampiran CSV ke-${file.number}: <#if file.error != "-">tidak dapat dibaca (${file.error})<#else>${file.accepted} baris diterima, ${file.rejected} baris ditolak</#if>
<#list file.rows as row>
      baris ${row.line?c}: ${row.reason}
</#list>
<#if (file.moreRows > 0)>
      dan ${file.moreRows} baris lain yang ditolak
</#if>
</#list>
<#if (moreFiles > 0)>
  - dan ${moreFiles} lampiran CSV lainnya
</#if>

Setiap baris yang diterima dicatat sebagai kasus tersendiri. Baris yang ditolak dapat diperbaiki lalu dikirim ulang
${sendTo} sebagai lampiran CSV baru yang memuat baris judul kolom dan baris-baris itu saja. Rincian baris yang ditolak
disimpan oleh Bawaslu; berkasnya tidak dikirim kembali.
    <#break>
  <#default>
    <#stop "outcome tidak dikenal: " + outcome>
</#switch>
<#if attachmentsLeftOut != "-">

Catatan lampiran: ${attachmentsLeftOut}
</#if>

Identitas Anda sebagai pelapor dirahasiakan dan tidak disampaikan kepada instansi tempat terlapor bekerja.

Pesan ini dikirim otomatis oleh Netralitas Hub Bawaslu; tidak perlu dibalas.
