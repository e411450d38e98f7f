<#--
  anchor.txt.ftl — the plain-text daily anchor mail (SPEC §8) to hub.audit.anchor-inbox, a mailbox outside the hub's
  control: the audit chain's head on that day. It holds no report data. The subject is built by the hub.

  Data model (all strings):
    date      "8 Oktober 2024";  isoDate: "2024-10-08";  time: "23:55:00 +07:00" (hub time zone)
    seq       the head's sequence number;  hash: the head's hash (64 hex digits)
    keyed     boolean: whether the chain is keyed (HMAC-SHA256 under hub.audit.chain-key)
    counts    list of {event, count}: the day's events by kind;  total: their sum
-->
Kepada pemegang kotak surat jangkar audit,

Berikut kepala rantai jejak audit Netralitas Hub pada ${date} pukul ${time}.

Nomor urut peristiwa (seq) : ${seq}
Hash kepala rantai         : ${hash}
Jenis rantai               : <#if keyed>berkunci (HMAC-SHA256)<#else>tanpa kunci (SHA-256)</#if>

Peristiwa yang dicatat pada ${date} (berkas audit-${isoDate}.jsonl): ${total}
<#list counts as c>
  ${c.event?right_pad(20)} ${c.count?left_pad(8)}
</#list>

Simpan surel ini tanpa mengubahnya. Kotak surat ini berada di luar kendali hub: selama hash di atas
tercatat di sini, jejak audit tidak dapat dipotong atau ditulis ulang tanpa ketahuan. Untuk memeriksa
jejak terhadap surel ini, jalankan di server hub (dengan kunci rantai di HUB_AUDIT_CHAIN_KEY):

  java -jar netralitas-hub.jar audit verify --anchor ${hash}

Perintah itu harus menyebut peristiwa ${seq}. Bila gagal, jejak audit telah dipotong atau ditulis ulang
sesudah surel ini dikirim: laporkan kepada pengelola hub dan jangan memakai jejak itu sebagai bukti.

--
Email ini dikirim secara otomatis oleh Netralitas Hub setiap hari (hub.audit.anchor-cron). Jangan dibalas.
